//! The non-resource parts of each standard as data (SPEC §2, §3.2–3.5): the county
//! government's scored items (basic2012), the guarantee and quality items and the veto list
//! (quality2017). Texts, maxima and thresholds live in the profile, so a province edits them.

use crate::model::Lang;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: &str, en: &str) -> Text {
        Text { zh: zh.into(), en: en.into() }
    }

    /// The text in `lang`: a profile's own words, so Traditional is converted on each call.
    pub fn get(&self, lang: Lang) -> Cow<'_, str> {
        match lang {
            Lang::Zh => Cow::Borrowed(&self.zh),
            Lang::ZhHant => Cow::Owned(crate::hant::convert(&self.zh)),
            #[cfg(feature = "en")]
            Lang::En => Cow::Borrowed(&self.en),
        }
    }
}

/// basic2012: one of the county government's scored items (县级人民政府工作评估).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct ScoreItem {
    pub id: String,
    /// One of the four aspects: access, funding, teachers, management.
    pub aspect: String,
    pub text: Text,
    pub max_points: f64,
}

/// A number an item is judged by, with its threshold: value ≥ min and value < below.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Measure {
    pub id: String,
    pub text: Text,
    pub unit: String,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub below: Option<f64>,
}

impl Measure {
    pub fn holds(&self, value: f64) -> bool {
        self.min.is_none_or(|min| value >= min) && self.below.is_none_or(|below| value < below)
    }

    /// The unit as written after a number: "元" is "yuan" in English, "%" stays.
    pub fn unit(&self, lang: Lang) -> String {
        match (self.unit.as_str(), lang) {
            #[cfg(feature = "en")]
            ("元", Lang::En) => " yuan".into(),
            (unit, _) => unit.into(),
        }
    }

    /// "≥ 95%" or "< 0.15", for messages.
    pub fn rule(&self, lang: Lang) -> String {
        let u = self.unit(lang);
        match (self.min, self.below) {
            (Some(min), None) => format!("≥ {min}{u}"),
            (None, Some(below)) => format!("< {below}{u}"),
            (Some(min), Some(below)) => format!("{min}{u} – {below}{u}"),
            (None, None) => String::new(),
        }
    }
}

/// Items that the school table can decide when it has the columns for them (SPEC §3.2 3–5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Computed {
    ArtsRooms,
    SchoolSize,
    ClassSize,
}

/// quality2017: a guarantee or quality item. With measures it is judged by the numbers the
/// user enters; without, by a yes/no answer; `computed` items by the school table if it can.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct CheckItem {
    pub id: String,
    pub text: Text,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    pub computed: Option<Computed>,
}

/// quality2017: a veto (一票否决) item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct VetoItem {
    pub id: String,
    pub text: Text,
}

/// The groups a satisfaction survey asks (SPEC §3.4).
pub const SURVEY_GROUPS: [(&str, &str, &str); 6] = [
    ("students", "学生", english!("students")),
    ("parents", "家长", english!("parents")),
    ("teachers", "教师", english!("teachers")),
    ("principals", "校长", english!("principals")),
    ("deputies", "人大代表、政协委员", english!("deputies and committee members")),
    ("residents", "其他群众", english!("other residents")),
];

/// The four aspects of basic2012's government score.
pub const ASPECTS: [(&str, &str, &str); 4] = [
    ("access", "入学机会", english!("Access to school")),
    ("funding", "保障机制", english!("Funding and guarantees")),
    ("teachers", "教师队伍", english!("Teachers")),
    ("management", "质量与管理", english!("Quality and management")),
];

fn score(id: &str, aspect: &str, max_points: f64, zh: &str, en: &str) -> ScoreItem {
    ScoreItem { id: id.into(), aspect: aspect.into(), text: Text::new(zh, en), max_points }
}

/// An illustrative default of the 17 items and their points (they differ by province and
/// sum to 100): 入学机会 20, 保障机制 30, 教师队伍 25, 质量与管理 25.
pub fn default_government_items() -> Vec<ScoreItem> {
    vec![
        score("a1", "access", 5.0, "适龄儿童少年按时入学，小学、初中入学率达到要求", english!("School-age children enrol on time")),
        score("a2", "access", 5.0, "进城务工人员随迁子女主要在公办学校就读", english!("Migrant children mainly attend public schools")),
        score("a3", "access", 5.0, "残疾儿童少年入学率达到要求", english!("Enrolment of disabled children")),
        score("a4", "access", 5.0, "控辍保学，初中三年巩固率达到要求", english!("Drop-out control and junior retention")),
        score("f1", "funding", 6.0, "义务教育经费做到\"三个增长\"", english!("Education funds grow as the law requires")),
        score("f2", "funding", 6.0, "生均公用经费按标准足额拨付", english!("Per-student public funds paid in full")),
        score("f3", "funding", 6.0, "教育费附加足额用于教育", english!("Education surcharges used for education")),
        score("f4", "funding", 6.0, "学校标准化建设与薄弱学校改造", english!("School standardisation and upgrading weak schools")),
        score("f5", "funding", 6.0, "教师平均工资不低于当地公务员", english!("Teachers' pay not below civil servants'")),
        score("t1", "teachers", 7.0, "统一城乡教职工编制标准，及时补充教师", english!("One staffing standard; posts filled in time")),
        score("t2", "teachers", 6.0, "校长、教师交流轮岗", english!("Rotation of principals and teachers")),
        score("t3", "teachers", 6.0, "教师培训经费足额落实", english!("Teacher-training funds in full")),
        score("t4", "teachers", 6.0, "专任教师学历、资格达到要求", english!("Teachers' degrees and certificates")),
        score("m1", "management", 7.0, "全面实施素质教育，减轻学生课业负担", english!("Well-rounded education, no excess burden")),
        score("m2", "management", 6.0, "规范办学，不设重点校、重点班", english!("Regular school management, no key schools or classes")),
        score(
            "m3",
            "management",
            6.0,
            "优质高中招生名额合理分配到初中",
            english!("Quality senior-high places allocated to junior schools"),
        ),
        score("m4", "management", 6.0, "建立义务教育质量监测制度，推进教育信息化", english!("Quality monitoring and education IT")),
    ]
}

fn measure(id: &str, zh: &str, en: &str, unit: &str, min: Option<f64>, below: Option<f64>) -> Measure {
    Measure { id: id.into(), text: Text::new(zh, en), unit: unit.into(), min, below }
}

fn check(id: &str, zh: &str, en: &str, measures: Vec<Measure>) -> CheckItem {
    CheckItem { id: id.into(), text: Text::new(zh, en), measures, computed: None }
}

fn computed(id: &str, zh: &str, en: &str, rule: Computed) -> CheckItem {
    CheckItem { computed: Some(rule), ..check(id, zh, en, Vec::new()) }
}

/// The 15 items of 政府保障程度 (SPEC §3.2).
/// The 15 guarantee items of SPEC §3.2: items 1–7 (planning, standards, the three computed
/// from the school table, village schools, special education), then 8–15 (teachers, access).
pub fn default_guarantee_items() -> Vec<CheckItem> {
    let mut items = guarantee_items_1_to_7();
    items.extend(guarantee_items_8_to_15());
    items
}

fn guarantee_items_1_to_7() -> Vec<CheckItem> {
    vec![
        check(
            "g1",
            "县域内义务教育学校规划布局合理，符合国家规定要求",
            english!("School network planned as the national rules require"),
            vec![],
        ),
        check(
            "g2",
            "县域内城乡义务教育学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一",
            english!("One standard for buildings, staffing, per-student funds and equipment in town and country"),
            vec![],
        ),
        computed(
            "g3",
            "所有学校每12个班级配备音乐、美术专用教室1间以上，其中音乐专用教室面积不小于96平方米，美术专用教室面积不小于90平方米",
            english!("Every school has a music and an art room per 12 classes, of at least 96 ㎡ and 90 ㎡"),
            Computed::ArtsRooms,
        ),
        computed(
            "g4",
            "所有小学、初中规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段规模不超过2500人",
            english!("No primary or junior school above 2000 students; nine- and twelve-year schools at most 2500 in compulsory grades"),
            Computed::SchoolSize,
        ),
        computed(
            "g5",
            "小学、初中所有班级学生数分别不超过45人、50人",
            english!("No primary class above 45 students, no junior class above 50"),
            Computed::ClassSize,
        ),
        check(
            "g6",
            "不足100名学生的村小学和教学点按100名学生核定公用经费",
            english!("Village schools and teaching points under 100 students funded as 100"),
            vec![],
        ),
        check(
            "g7",
            "特殊教育学校生均公用经费不低于6000元",
            english!("Special-education schools get at least 6000 yuan per student"),
            vec![measure(
                "special_funds",
                "特殊教育学校生均公用经费",
                english!("special-education funds per student"),
                "元",
                Some(6000.0),
                None,
            )],
        ),
    ]
}

fn guarantee_items_8_to_15() -> Vec<CheckItem> {
    let pct = |id, zh, en, min| vec![measure(id, zh, en, "%", Some(min), None)];
    vec![
        check(
            "g8",
            "全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平",
            english!("Teachers' average pay not below local civil servants'"),
            vec![],
        ),
        check(
            "g9",
            "教师5年360学时培训完成率达到100%",
            english!("Teachers completing 360 training hours in 5 years"),
            pct("training_completion", "培训完成率", "completion rate", 100.0),
        ),
        check(
            "g10",
            "县级教育行政部门在核定的教职工编制总额内，统筹分配各校教职工编制",
            english!("The county allocates staffing quotas across schools"),
            vec![],
        ),
        check(
            "g11",
            "全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%，其中骨干教师不低于交流轮岗教师总数的20%",
            english!("At least 10% of eligible teachers rotate each year, of whom at least 20% backbone teachers"),
            vec![
                measure("rotation_rate", "交流轮岗教师比例", english!("share of eligible teachers rotating"), "%", Some(10.0), None),
                measure("rotation_backbone", "其中骨干教师比例", english!("share of backbone teachers among them"), "%", Some(20.0), None),
            ],
        ),
        check(
            "g12",
            "专任教师持有教师资格证上岗率达到100%",
            english!("Certified teachers"),
            pct("certified", "持证上岗率", "certified share", 100.0),
        ),
        check(
            "g13",
            "城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别达到100%、95%以上",
            english!("Nearby-zone enrolment in urban and town public schools"),
            vec![
                measure("zoned_primary", "小学就近划片入学比例", english!("primary zoned enrolment"), "%", Some(100.0), None),
                measure("zoned_junior", "初中就近划片入学比例", english!("junior zoned enrolment"), "%", Some(95.0), None),
            ],
        ),
        check(
            "g14",
            "全县优质高中招生名额分配比例不低于50%，并向农村初中倾斜",
            english!("At least 50% of quality senior-high places allocated to junior schools"),
            pct("allocation", "名额分配比例", "allocated share", 50.0),
        ),
        check(
            "g15",
            "留守儿童关爱体系健全，全县符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%",
            english!("Eligible migrant children in public or government-funded places"),
            pct("migrant_share", "随迁子女就读比例", "migrant children's share", 85.0),
        ),
    ]
}

/// The 9 items of 教育质量 (SPEC §3.3).
pub fn default_quality_items() -> Vec<CheckItem> {
    vec![
        check(
            "q1",
            "全县初中三年巩固率达到95%以上",
            english!("Junior 3-year retention"),
            vec![measure("retention", "初中三年巩固率", english!("junior retention"), "%", Some(95.0), None)],
        ),
        check(
            "q2",
            "全县残疾儿童少年入学率达到95%以上",
            english!("Enrolment of disabled children"),
            vec![measure("disabled_enrolment", "残疾儿童少年入学率", english!("disabled children's enrolment"), "%", Some(95.0), None)],
        ),
        check(
            "q3",
            "所有学校制定章程，实现学校管理与教学信息化",
            english!("Every school has a charter and information-based management"),
            vec![],
        ),
        check(
            "q4",
            "所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费",
            english!("Teacher-training funds at least 5% of each school's budget"),
            vec![measure("training_funds", "教师培训经费占公用经费比例", english!("training funds share"), "%", Some(5.0), None)],
        ),
        check(
            "q5",
            "教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平",
            english!("Teachers use IT well; equipment well used"),
            vec![],
        ),
        check(
            "q6",
            "所有学校德育工作、校园文化建设水平达到良好以上",
            english!("Moral education and school culture rated good or better"),
            vec![],
        ),
        check(
            "q7",
            "课程开齐开足，教学秩序规范，综合实践活动有效开展",
            english!("All courses in full, orderly teaching, practical activities"),
            vec![],
        ),
        check("q8", "无过重课业负担", english!("No excessive academic burden"), vec![]),
        check(
            "q9",
            "在国家义务教育质量监测中，相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15",
            english!("National monitoring: level III or above, between-school difference below 0.15"),
            vec![
                measure("monitoring_level", "学业水平等级（Ⅰ–Ⅳ记为1–4）", english!("achievement level (I–IV as 1–4)"), "", Some(3.0), None),
                measure("difference_rate", "校际差异率", english!("between-school difference rate"), "", None, Some(0.15)),
            ],
        ),
    ]
}

/// The veto items of SPEC §3.5 (社会认可度 below its minimum is judged with the survey).
pub fn default_veto_items() -> Vec<VetoItem> {
    let veto = |id: &str, zh, en| VetoItem { id: id.into(), text: Text::new(zh, en) };
    vec![
        veto("exam_admission", "以考试方式招生", english!("Admission by examination")),
        veto("school_choice", "违规择校", english!("Unauthorised school choice")),
        veto("key_schools", "设置重点学校或重点班", english!("Key schools or key classes")),
        veto("unfilled_posts", "有空编不补、长期聘用编外教师", english!("Unfilled posts with long-term unofficial hires")),
        veto("accidents", "发生重大安全责任事故或严重违纪违规事件", english!("Major safety accidents or serious violations")),
        veto("falsified_data", "弄虚作假", english!("Falsified data")),
    ]
}
