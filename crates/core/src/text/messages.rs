//! The text of every diagnostic, in each language, made from its code and arguments: the
//! one place where the core's problems become words.
#![cfg_attr(not(feature = "en"), allow(unused_variables))]

use crate::codes::{Arg, Args, Code};
use crate::model::Lang;

/// A message without arguments, in both languages (the English only where it is written).
macro_rules! fixed {
    ($zh:literal, $en:literal $(,)?) => {
        fixed($zh, english!($en))
    };
}

fn fixed(zh: &str, en: &str) -> (String, String) {
    (zh.to_string(), en.to_string())
}

/// The text of a problem in `lang`.
pub fn text(code: Code, args: &Args, lang: Lang) -> String {
    let (zh, en) = texts(code, args);
    match lang {
        Lang::Zh => zh,
        // What the user wrote (a cell, a column's or a school's name) stays as written.
        Lang::ZhHant => {
            let kept: Vec<&str> =
                args.values().filter_map(|arg| if let Arg::Text(text) = arg { Some(text.as_str()) } else { None }).collect();
            crate::hant::convert_keeping(&zh, &kept)
        }
        #[cfg(feature = "en")]
        Lang::En => en,
    }
}

/// A province file's counties, the indoor sports rooms moved or refused, travelling teachers
/// counted, an attached class without its school.
fn facilities_and_counties(code: Code, a: &dyn Fn(&str) -> String) -> (String, String) {
    match code {
        Code::VerdictWithheld => {
            let rows = a("rows");
            (
                format!("数据有误，结论待定：{rows} 行有错，下面是其余各行的暂算结果，改正后才有结论"),
                en!("the data has mistakes, no verdict yet: {rows} rows are wrong; below, the other rows' provisional figures; the verdict comes once they are corrected"),
            )
        }
        Code::ProvinceCounties => {
            let count = a("count");
            (
                format!("表中有「县」列：按 {count} 个县分别评估，每个县只与本县学校比较（见各县结果）"),
                en!("the table has a county column: {count} counties, each evaluated on its own schools (see each county)"),
            )
        }
        Code::TravellingTeachersCounted => {
            let (count, teachers, min, max, names) = (a("count"), a("teachers"), a("min"), a("max"), a("names"));
            (
                format!("按本方案的地方放宽规则，{count} 所{min}–{max}人的乡村学校的走教体育艺术教师 {teachers} 人计入体育艺术专任教师：{names}"),
                en!("by this profile's local allowance, {count} rural schools of {min}–{max} students count {teachers} travelling PE and art teachers with their own: {names}"),
            )
        }
        Code::AttachedWithoutHost => {
            let (school_type, level) = (a("school_type"), a("level"));
            (
                format!("{school_type}的{level}学段只能是附设班：表中应有本校学段为「{school_type}」的一行（附设班与本校一起分摊设施）"),
                en!("a {school_type}'s {level} row can only be an attached class: the table needs the school's own {school_type} row (the two share its facilities)"),
            )
        }
        Code::IndoorSportsMoved => {
            let (count, area) = (a("count"), a("area"));
            (
                format!("{count} 行的室内体育用房面积（合计 {area} ㎡）已从教学及辅助用房面积移入体育运动场馆面积（教育事业统计口径；数值标准可关闭）"),
                en!("{count} rows' indoor sports rooms ({area} ㎡ in all) were moved from the teaching area to the sports area, as the statistics define them (the profile can turn this off)"),
            )
        }
        _ => {
            let (indoor, teaching, header) = (a("indoor"), a("teaching"), a("header"));
            (
                format!(
                    "室内体育用房面积 {indoor} ㎡ 大于「{header}」{teaching} ㎡：教育事业统计的教学及辅助用房包含室内体育用房，应不小于它"
                ),
                en!("indoor sports rooms of {indoor} ㎡ exceed \"{header}\" ({teaching} ㎡), which the statistics count them in"),
            )
        }
    }
}

/// Both languages' texts. An argument that is missing reads as empty: a bug, never a panic.
fn texts(code: Code, args: &Args) -> (String, String) {
    use Code::*;
    let a = |name: &str| args.get(name).map(Arg::to_string).unwrap_or_default();
    let n = |name: &str| match args.get(name) {
        Some(Arg::Number(v)) => *v,
        _ => 0.0,
    };
    match code {
        NoData | HeaderOnly | TitleSkipped | TotalsSkipped | UnknownColumn => reading(code),
        RepeatedColumn | UnknownUnit | MissingRequiredColumn | InvisibleRemoved | DashesAsZero => columns(code, &a),
        EmptyName | BadLevel | BadSchoolType | BadOwnership | BadLocality | BadAffiliation | StudentsBelowOne | StudentsNotPositive
        | StudentsEmpty | EmptyCell => record(code),
        LevelNotAllowed | NameTooLong | NotANumber | Negative | TooLarge => record_args(code, &a),
        MissingColumn | SumMismatch | Duplicate | MoreThanAllTeachers | ProbableUnitMistake => table(code, &a, &n),
        SeniorMismatch | SeniorMissing | WholeSchoolTotalEmpty | TotalRepeated => mixed(code, &a),
        PointsOutOfRange | SurveyCounts | AnswerOutOfRange | OutOfRange => answers(code, &a),
        TooManyColumns => {
            let max = a("max");
            (
                format!("这一行超过 {max} 列，不是学校数据表：是否选错了文件，或分隔符不对？"),
                en!("this row has more than {max} columns, not a table of schools: the wrong file, or the wrong separator?"),
            )
        }
        CellTooLong => {
            let max = a("max");
            (
                format!("这一行有单元格超过 {max} 个字符，不是学校数据表：可能少了一个引号（\"）"),
                en!("a cell of this row is over {max} characters, not a table of schools: perhaps a quote (\") is not closed"),
            )
        }
        NotAProject | UnknownVersion | Malformed => document(code, &a),
        CostNotNumber | UnknownCost | MarginRange | PlanFixedFails | PlanUnreachable | PlanNotReached => costs(code, &a),
        ProvinceCounties | IndoorSportsMoved | IndoorAboveTeaching | TravellingTeachersCounted | AttachedWithoutHost | VerdictWithheld => {
            facilities_and_counties(code, &a)
        }
        YearsDiffer => years_differ(&a),
        NothingToExplain => {
            let (indicator, level) = (a("indicator"), a("level"));
            (
                format!("没有可以逐步计算的数据：{level}没有学校，或所选标准没有指标「{indicator}」"),
                en!("nothing to show step by step: no {level} schools, or the standard has no indicator \"{indicator}\""),
            )
        }
        SpreadsheetUnreadable | NoSuchSheet | NotATable | OtherDocument | CellBeyondExcel | SheetTooLarge | Dtd | UnpackedTooLarge => {
            file(code, &a)
        }
        _ => profile(code, &a),
    }
}

fn columns(code: Code, a: &dyn Fn(&str) -> String) -> (String, String) {
    match code {
        Code::RepeatedColumn => {
            let first = a("first");
            (format!("与「{first}」是同一列，只能出现一次"), en!("the same column as \"{first}\"; it may appear once"))
        }
        Code::UnknownUnit => {
            let (unit, known) = (a("unit"), a("known"));
            let known: Vec<&str> = known.split(' ').collect();
            (
                format!("不认识单位「{unit}」，可用的单位：{}", known.join("、")),
                en!("unknown unit \"{unit}\"; expected one of: {}", known.join(", ")),
            )
        }
        Code::MissingRequiredColumn => {
            let (name, alias) = (a("name"), a("alias"));
            (format!("缺少必填列「{name}」（或英文 {alias}）"), en!("the required column \"{alias}\" ({name}) is missing"))
        }
        Code::InvisibleRemoved => {
            let count = a("count");
            (
                format!("{count} 个单元格含有看不见的字符（零宽字符或文字方向控制符），已去除；此处为第一个"),
                en!("{count} cells held invisible characters (zero-width or direction controls), removed; this is the first"),
            )
        }
        _ => {
            let count = a("count");
            (
                format!("{count} 个单元格为「—」「/」等，表示无，按 0 计"),
                en!("{count} cells hold a dash or slash for none and were read as 0"),
            )
        }
    }
}

fn record_args(code: Code, a: &dyn Fn(&str) -> String) -> (String, String) {
    match code {
        Code::LevelNotAllowed => {
            let (kind, level) = (a("school_type"), a("level"));
            (format!("{kind}只能填学段「{level}」"), en!("a {kind} has only the level {level}"))
        }
        Code::NameTooLong => {
            let (count, max) = (a("count"), a("max"));
            (
                format!("学校名称有 {count} 个字符，超过 {max} 个：请检查是否粘贴了别的内容"),
                en!("the school name has {count} characters, more than {max}: check what was pasted"),
            )
        }
        _ => number(code, &a("text")),
    }
}

fn answers(code: Code, a: &dyn Fn(&str) -> String) -> (String, String) {
    match code {
        Code::PointsOutOfRange => {
            let (points, max) = (a("points"), a("max"));
            (format!("得分 {points} 超出范围：应在 0 到 {max} 分之间"), en!("{points} points is out of range: expected 0 to {max}"))
        }
        Code::SurveyCounts => fixed!(
            "满意人数应在 0 到调查人数之间，人数应为合理的非负数",
            "satisfied answers must be between 0 and the respondents, and counts sensible numbers ≥ 0",
        ),
        Code::AnswerOutOfRange => {
            let (measure, value, unit) = (a("measure"), a("value"), a("unit"));
            let (zh, en) = if a("percent") == "yes" {
                ("应在 0 到 100 之间", "expected 0 to 100")
            } else {
                ("应为合理的数", "expected a sensible number")
            };
            (format!("{measure}：{value}{unit} 超出范围，{zh}"), en!("{measure}: {value}{unit} is out of range; {en}"))
        }
        _ => fixed!(
            "计算结果超出数值范围，无法得出结论：请检查数据中是否有异常大或异常小的数",
            "a result is out of numeric range, so there is no verdict: check the data for extreme numbers",
        ),
    }
}

fn reading(code: Code) -> (String, String) {
    match code {
        Code::NoData => fixed!("没有数据：请粘贴表格或选择 CSV 文件", "no data: paste a table or choose a CSV file"),
        Code::HeaderOnly => fixed!("只有表头，没有学校数据", "only a header row: no schools"),
        Code::TitleSkipped => fixed!("表头之上的标题行，已跳过", "a title above the header, skipped"),
        Code::TotalsSkipped => fixed!("合计行，已跳过（用于核对合计）", "a totals row, skipped (used to check the sums)"),
        _ => fixed!("未识别的列，已忽略", "unknown column, ignored"),
    }
}

fn record(code: Code) -> (String, String) {
    match code {
        Code::EmptyName => fixed!("学校名称为空", "the school name is empty"),
        Code::BadLevel => fixed!("应为「小学」或「初中」", "expected 小学 (primary) or 初中 (junior)"),
        Code::BadSchoolType => fixed!(
            "应为 小学、初中、九年一贯制、完全中学、十二年一贯制、教学点、特殊教育学校 或 职业学校",
            "expected one of 小学, 初中, 九年一贯制, 完全中学, 十二年一贯制, 教学点, 特殊教育学校, 职业学校",
        ),
        Code::BadOwnership => fixed!("应为「公办」或「民办」", "expected 公办 (public) or 民办 (private)"),
        Code::BadLocality => fixed!("应为「城区」「镇区」或「乡村」", "expected 城区 (urban), 镇区 (town) or 乡村 (rural)"),
        Code::BadAffiliation => fixed!(
            "应写明隶属：如「省直属」「市直属」「县属」「区属」「乡镇属」",
            "expected who runs the school: 省直属 or 市直属 (province, city), 县属, 区属 or 乡镇属 (the county's)",
        ),
        Code::StudentsBelowOne => fixed!("在校生数应为不小于1的数（人数）", "the number of students must be at least 1"),
        Code::StudentsNotPositive => fixed!("在校生数应大于0", "the number of students must be greater than 0"),
        Code::StudentsEmpty => fixed!("在校生数为空，应为大于0的数", "the number of students is empty; expected a number > 0"),
        _ => fixed!("此列为空，应填写不小于0的数", "the cell is empty; expected a number ≥ 0"),
    }
}

fn number(code: Code, text: &str) -> (String, String) {
    match code {
        Code::TooLarge => (
            format!("「{text}」过大：应为不超过一万亿（10¹²）的数"),
            en!("\"{text}\" is too large: expected a number up to 10¹² (one trillion)"),
        ),
        Code::Negative => (format!("「{text}」不能为负数，应为不小于0的数"), en!("\"{text}\" is negative; expected a number ≥ 0")),
        _ => (format!("「{text}」不是数字，应为不小于0的数"), en!("\"{text}\" is not a number; expected a number ≥ 0")),
    }
}

fn table(code: Code, a: &dyn Fn(&str) -> String, n: &dyn Fn(&str) -> f64) -> (String, String) {
    match code {
        Code::MissingColumn => {
            let (name, standard) = (a("name"), a("standard"));
            (format!("缺少此列：{standard}需要「{name}」"), en!("the column is missing: {standard} needs \"{name}\""))
        }
        Code::SumMismatch => {
            let (read, file) = (a("read"), a("file"));
            (
                format!("读入合计 {read} 与文件合计行 {file} 不符，请检查是否有行未读入"),
                en!("the rows read add up to {read}, the file's totals row says {file}: check for rows not read"),
            )
        }
        Code::Duplicate => {
            let (name, level, first) = (a("name"), a("level"), a("first"));
            (
                format!("「{name}」{level}与第{first}行重复：每所学校每个学段只能有一行"),
                en!("\"{name}\" ({level}) repeats row {first}: one row per school and level"),
            )
        }
        Code::MoreThanAllTeachers => {
            let (count, all, teachers) = (a("count"), a("all"), a("teachers"));
            (
                format!("{count} 人多于「{all}」{teachers} 人：应不多于专任教师数"),
                en!("{count} is more than the {teachers} of \"{all}\": it cannot exceed all teachers"),
            )
        }
        _ => {
            let (per, limit) = (n("per"), a("limit"));
            (
                format!("每名学生 {per:.1}，远超常见范围（{limit}），可能是单位错误，请核对"),
                en!("{per:.1} per student is far above what schools have ({limit}): probably a unit mistake"),
            )
        }
    }
}

fn mixed(code: Code, a: &dyn Fn(&str) -> String) -> (String, String) {
    match code {
        Code::SeniorMismatch => {
            let (value, first_row, first) = (a("value"), a("first_row"), a("first"));
            (
                format!("高中在校生数 {value} 与第{first_row}行的 {first} 不一致：同一学校应相同"),
                en!("{value} senior students differs from {first} on row {first_row}: one school has one count"),
            )
        }
        Code::SeniorMissing => {
            let kind = a("school_type");
            (
                format!("{kind}未填写高中在校生数，设施按无高中学生分摊"),
                en!("no senior students given for this {kind}: facilities are split as if it had none"),
            )
        }
        Code::WholeSchoolTotalEmpty => {
            fixed!("一贯制/完全中学的全校合计为空：请在任一行填写", "the whole-school total is empty: fill it on any row of this school")
        }
        _ => fixed!(
            "各学段行数值相同，可能重复填写了全校总数；已按各行之和计算",
            "every level's row has the same value: the whole-school total may be repeated; the rows were added up",
        ),
    }
}

/// A profile's problems: said only where a profile is checked (the `profiles` feature).
#[cfg(not(feature = "profiles"))]
fn profile(_: Code, _: &dyn Fn(&str) -> String) -> (String, String) {
    (String::new(), String::new())
}

#[cfg(feature = "profiles")]
fn profile(code: Code, a: &dyn Fn(&str) -> String) -> (String, String) {
    match code {
        Code::BadItemId => {
            let id = a("id");
            (
                format!("项目编号「{id}」只能由小写字母、数字、_ 和 - 组成（1–40个字符）"),
                en!("the item id \"{id}\" may hold only a–z, 0–9, _ and - (1–40 characters)"),
            )
        }
        Code::TooManyItems => {
            let (count, max) = (a("count"), a("max"));
            (
                format!("方案有 {count} 个项目和测量点，多于方案所能有的 {max} 个"),
                en!("the profile has {count} items and measures, more than the {max} a profile can have"),
            )
        }
        Code::PointsSum => fixed!("各项满分之和应为100", "the maximum points must sum to 100"),
        Code::PointsRange => fixed!("每项满分应大于0、不超过100", "every maximum must be above 0 and at most 100"),
        Code::UnknownAspect => {
            fixed!("aspect 应为 access、funding、teachers 或 management", "aspect must be access, funding, teachers or management")
        }
        Code::LimitNotPositive => fixed!("限值应为正数", "limits must be positive"),
        Code::ClassSizeNotPositive => fixed!("班额上限应为正数", "class sizes must be positive"),
        Code::StandardRange => fixed!("标准值应为不小于0的有限数", "standards must be finite numbers ≥ 0"),
        Code::MinMetTooLarge => fixed!("达标项数不能多于指标数", "min_met cannot exceed the number of indicators"),
        Code::FractionRange => fixed!("应在0到1之间", "must be between 0 and 1"),
        Code::WeightRange => fixed!("分摊权重应为大于0、不超过100的数", "weights must be above 0 and at most 100"),
        Code::ArtsRoomsRange => fixed!("每间教室对应的班级数应大于0，面积应为有限数", "classes per room must be above 0 and areas finite"),
        Code::SchoolSizeRange => fixed!("规模上限应为正数", "school size limits must be positive"),
        Code::AllowanceRange => fixed!("地方放宽规则的数值应为不小于0的有限数", "local allowances must be finite numbers ≥ 0"),
        Code::TeachingPointsRange => {
            fixed!("教学点人数界限应为不小于0的有限数", "the teaching-point threshold must be a finite number ≥ 0")
        }
        Code::RateRange => fixed!("应在0到100之间", "must be between 0 and 100"),
        Code::MeasureRange => fixed!("指标的界限应为有限数", "measure thresholds must be finite numbers"),
        Code::RepeatedItemId => fixed!("项目编号（id）重复", "item ids repeat"),
        _ => fixed!("文字中有看不见的控制字符", "a text holds invisible control characters"),
    }
}

fn document(code: Code, a: &dyn Fn(&str) -> String) -> (String, String) {
    match code {
        Code::NotAProject => {
            let format = a("format");
            (
                format!("这不是均衡计算器的项目文件（format 应为 \"{format}\"）"),
                en!("this is not a junheng project file (format should be \"{format}\")"),
            )
        }
        Code::UnknownVersion => {
            let (version, expected) = (a("version"), a("expected"));
            (
                format!("项目文件版本 {version} 无法识别：本计算器读取版本 {expected}"),
                en!("unknown project file version {version}: this calculator reads version {expected}"),
            )
        }
        _ => {
            let error = a("error");
            let (zh, en) = match a("what").as_str() {
                "profile" => ("数值标准文件", "profile"),
                "costs" => ("单价文件", "costs file"),
                _ => ("项目文件", "project file"),
            };
            (format!("{zh}格式不正确：{error}"), en!("the {en} is malformed: {error}"))
        }
    }
}

fn years_differ(a: &dyn Fn(&str) -> String) -> (String, String) {
    let (before, after, chosen) = (a("before"), a("after"), a("chosen"));
    (
        format!("两年的评估标准或数值标准不同（往年：{before}；今年：{after}），都按{chosen}计算后比较"),
        en!("the two years have different standards or profiles (earlier: {before}; later: {after}): both are evaluated under {chosen}"),
    )
}

fn costs(code: Code, a: &dyn Fn(&str) -> String) -> (String, String) {
    let (key, name, level, indicator) = (a("key"), a("name"), a("level"), a("indicator"));
    match code {
        Code::MarginRange => {
            let (margin, limit) = (a("margin"), a("limit"));
            (
                format!("余量 {margin} 应不小于0且小于限值 {limit}"),
                en!("the margin {margin} must be at least 0 and below the limit {limit}"),
            )
        }
        Code::PlanFixedFails => (
            format!("{name}（{level}）已设为不可增加，但未达到校际资源配置要求：无法制定达标方案"),
            en!("{name} ({level}) is fixed (nothing can be added) yet misses the per-school requirement: no plan can pass"),
        ),
        Code::PlanUnreachable if indicator == "composite" => (
            format!("{level}的综合差异系数无法降到目标：有指标的县域值为0，或不可增加的学校差距过大"),
            en!("the {level} composite CV cannot reach its target: an indicator's county value is 0, or the fixed schools differ too much"),
        ),
        Code::PlanUnreachable => (
            format!("{level}{indicator}的差异系数无法降到目标：不可增加的学校差距过大"),
            en!("{level}: the CV of {indicator} cannot reach its target: the fixed schools differ too much"),
        ),
        Code::PlanNotReached => fixed!(
            "方案经重新计算仍未达标（这是计算器的缺陷，请报告）",
            "the planned data does not pass on re-evaluation (a bug in the calculator: please report it)",
        ),
        Code::CostNotNumber => {
            let max = a("max");
            (format!("「{key}」的单价应为0到{max}之间的数（元）"), en!("the cost of \"{key}\" must be a number from 0 to {max} (yuan)"))
        }
        _ => (
            format!("「{key}」不是模板的资源列，也不是 transfer（每人次交流轮岗）"),
            en!("\"{key}\" is neither a resource column of the template nor transfer (per teacher moved)"),
        ),
    }
}

fn file(code: Code, a: &dyn Fn(&str) -> String) -> (String, String) {
    match code {
        Code::SpreadsheetUnreadable => {
            let error = a("error");
            (format!("无法读取电子表格：{error}"), en!("cannot read the spreadsheet: {error}"))
        }
        Code::NoSuchSheet => {
            let name = a("name");
            (format!("没有名为「{name}」的工作表"), en!("there is no sheet named \"{name}\""))
        }
        Code::NotATable => fixed!(
            "这不是表格文件（内容不是文字，可能是图片、PDF 或压缩包）",
            "this is not a table (the content is not text: a picture, PDF or archive?)",
        ),
        Code::OtherDocument => {
            let (zh, en) = if a("kind") == "word" {
                ("Word 文档", "a Word document")
            } else {
                ("PowerPoint 演示文稿", "a PowerPoint presentation")
            };
            (
                format!("这是{zh}，不是电子表格：请打开 Excel/WPS 表格（.xlsx、.ods）或 CSV 文件"),
                en!("this is {en}, not a spreadsheet: open an .xlsx, .ods or CSV file"),
            )
        }
        Code::CellBeyondExcel => {
            let (cell, columns, rows) = (a("cell"), a("columns"), a("rows"));
            (
                format!("单元格位置 {cell} 超出 Excel 的范围（最多 {columns} 列、{rows} 行），文件可能已损坏，未读取"),
                en!("the cell reference {cell} is beyond Excel's limits ({columns} columns, {rows} rows); the file may be damaged, not read"),
            )
        }
        Code::SheetTooLarge => {
            let (sheet, rows, columns, max) = (a("sheet"), a("rows"), a("columns"), a("max"));
            (
                format!("工作表「{sheet}」的单元格跨越 {rows} 行 × {columns} 列，超出可读取的范围（{max} 个单元格），未读取：请删除远处的空白或零散单元格"),
                en!("the sheet {sheet} spans {rows} rows × {columns} columns, more than can be read ({max} cells): delete stray cells far from the table"),
            )
        }
        Code::Dtd => fixed!(
            "工作表含有 DTD（文档类型声明），电子表格软件不会写入它，可能是恶意文件，未读取",
            "a sheet holds a DTD (document type declaration), which spreadsheet programs never write; not read",
        ),
        _ => fixed!("工作簿解压后超过 1 GB，不像是学校数据表，未读取", "the workbook unpacks to over 1 GB; not read"),
    }
}
