// Made by tools/hant.mjs from OpenCC (cn → tw) over the core's own strings: do not edit.

/// Simplified characters that change, sorted; each three bytes in UTF-8.
#[rustfmt::skip]
pub(crate) const SIMPLIFIED: &str = "\
    万与专业两严个为义乐乡书买于产亩亿从仪价众优会体余倾儿关内册\
    写农决准减划则删别办务动区协单占历压县参发台号后员园围国图场\
    坏声处备复头学实宽对属岗巩布师干并应开异当径总恶报担拥拨择损\
    据摊数无时暂术机权条构标档检残没测满点爱现电监码确积称筹类系\
    级纪练组织经结络统综编缩网职艺范虚补装见规计认训记论设证评识\
    试误请读课调负责账质购贯贴费资践轮软轻较辅辍输达迁过运这进远\
    违适选错镇长门闭间队阶际随隶项预题额馆齐龄\
";

/// Their Traditional characters, in the same order.
#[rustfmt::skip]
pub(crate) const TRADITIONAL: &str = "\
    萬與專業兩嚴個為義樂鄉書買於產畝億從儀價眾優會體餘傾兒關內冊\
    寫農決準減劃則刪別辦務動區協單佔歷壓縣參發臺號後員園圍國圖場\
    壞聲處備複頭學實寬對屬崗鞏佈師幹並應開異當徑總惡報擔擁撥擇損\
    據攤數無時暫術機權條構標檔檢殘沒測滿點愛現電監碼確積稱籌類係\
    級紀練組織經結絡統綜編縮網職藝範虛補裝見規計認訓記論設證評識\
    試誤請讀課調負責賬質購貫貼費資踐輪軟輕較輔輟輸達遷過運這進遠\
    違適選錯鎮長門閉間隊階際隨隸項預題額館齊齡\
";

/// Phrases whose character reads otherwise than the table above says, sorted.
#[rustfmt::skip]
pub(crate) const PHRASES: &[(&str, &str)] = &[
    ("体系", "體系"),
];
