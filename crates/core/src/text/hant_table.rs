// Made by tools/hant.mjs from OpenCC (cn → tw) over the core's own strings: do not edit.

/// Simplified characters that change, sorted; each three bytes in UTF-8.
#[rustfmt::skip]
pub(crate) const SIMPLIFIED: &str = "\
    万与专业严个为义乐乡书买于产亩亿从仪价众优会体余倾儿关内册写\
    农决准减划则删别办务动区协单占历压县参发台号后员园围国图场坏\
    声处备复头学实宽对属岗巩布师干并应开异当径总恶报担拥拨择损据\
    摊数无时暂术机权条构标档检残没测满点爱现电监确积称筹类系级纪\
    练组织经结络统综编缩网职艺范虚补装见规计认训记论设证评识试误\
    请读课调负责质购贯贴费资践轮软轻较辅辍达迁过运这进远违适选错\
    镇长门闭间队阶际随隶项预题额馆齐龄\
";

/// Their Traditional characters, in the same order.
#[rustfmt::skip]
pub(crate) const TRADITIONAL: &str = "\
    萬與專業嚴個為義樂鄉書買於產畝億從儀價眾優會體餘傾兒關內冊寫\
    農決準減劃則刪別辦務動區協單佔歷壓縣參發臺號後員園圍國圖場壞\
    聲處備複頭學實寬對屬崗鞏佈師幹並應開異當徑總惡報擔擁撥擇損據\
    攤數無時暫術機權條構標檔檢殘沒測滿點愛現電監確積稱籌類係級紀\
    練組織經結絡統綜編縮網職藝範虛補裝見規計認訓記論設證評識試誤\
    請讀課調負責質購貫貼費資踐輪軟輕較輔輟達遷過運這進遠違適選錯\
    鎮長門閉間隊階際隨隸項預題額館齊齡\
";

/// Phrases whose character reads otherwise than the table above says, sorted.
#[rustfmt::skip]
pub(crate) const PHRASES: &[(&str, &str)] = &[
    ("体系", "體系"),
];
