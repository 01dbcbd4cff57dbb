//! Every fixed string of the interface, in Japanese, English and easy Japanese.
//!
//! An exhaustive match over `Msg` returning all three at once: a string missing in one
//! language is a compile error, not a blank on screen.

use crate::i18n::Lang;
use jiff::civil::{Date, Weekday};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    SiteName,
    SkipToContent,
    LanguageLabel,
    HomeTitle,
    HomeIntro,
    StartEvent,
    OpenEventsTitle,
    NoOpenEvents,
    Continue,
    Back,
    ErrorPrefix,
    ErrorSummaryTitle,
    SelectOne,
    DateHint,
    DateEmpty,
    DateUnrecognised,
    DateNoSuchDay,
    DateEraOutOfRange,
    DateInFuture,
    DateTooFarAhead,
    NumberEmpty,
    NumberNotANumber,
    PlanTitle,
    PlanIntro,
    ChangeAnswers,
    GroupOverdue,
    GroupWeek,
    GroupMonth,
    GroupLater,
    GroupNoFixed,
    GroupDone,
    Due,
    HowCounted,
    Where,
    How,
    Bring,
    LegalBasis,
    Source,
    MarkDone,
    ChannelOnline,
    ChannelCounter,
    ChannelMail,
    WaitsFor,
    AnchorUnknown,
    UnsureNote,
    CatalogErrorTitle,
    CatalogErrorBody,
    Loading,
    NotFoundTitle,
    NotFoundBody,
    BackHome,
    Yes,
    No,
    DeleteEvent,
    Started,
    StoredUnreadable,
    StoredNewer,
    InProgress,
    PlanReady,
}

pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    let [ja, en, easy] = match msg {
        SiteName => ["ひとつ — 暮らしの手続き", "hitotsu — life-event procedures", "ひとつ — くらしの てつづき"],
        SkipToContent => ["本文へ移動", "Skip to main content", "ほんぶんへ いく"],
        LanguageLabel => ["言語", "Language", "ことば"],
        HomeTitle => ["どのような出来事がありましたか", "What has happened?", "なにが ありましたか"],
        HomeIntro => [
            "出来事を選ぶと、いくつかの質問の後に、必要な手続きと期限の一覧を作ります。入力した内容はこの端末の中だけに保存されます。",
            "Choose what has happened. After a few questions you get a list of every procedure you need to do, where, and by when. What you enter stays on this device.",
            "できごとを えらんで ください。しつもんに こたえると、する ことと、いつまでに するかの リストが できます。こたえは この スマホの なかだけに のこります。",
        ],
        StartEvent => ["始める", "Start", "はじめる"],
        OpenEventsTitle => ["進行中の手続き", "Your events in progress", "いま すすめている てつづき"],
        NoOpenEvents => ["まだありません。", "None yet.", "まだ ありません。"],
        Continue => ["次へ", "Continue", "つぎへ"],
        Back => ["戻る", "Back", "もどる"],
        ErrorPrefix => ["エラー：", "Error: ", "まちがい："],
        ErrorSummaryTitle => ["入力内容を確認してください", "There is a problem", "なおして ください"],
        SelectOne => ["どれか1つを選んでください", "Select one option", "どれか 1つを えらんで ください"],
        DateHint => [
            "例：2026-04-16、2026/4/16、令和8年4月16日、R8.4.16",
            "For example 2026-04-16, 2026/4/16, 令和8年4月16日 or R8.4.16",
            "れい：2026-04-16、2026/4/16、れいわ8ねん4がつ16にち",
        ],
        DateEmpty => ["日付を入力してください", "Enter the date", "ひにちを かいて ください"],
        DateUnrecognised => [
            "日付は 2026-04-16、2026/4/16、令和8年4月16日 のように入力してください",
            "Enter the date like 2026-04-16, 2026/4/16 or 令和8年4月16日",
            "ひにちは 2026/4/16 の ように かいて ください",
        ],
        DateNoSuchDay => [
            "その日付は存在しません。月と日を確認してください",
            "That day does not exist: check the month and the day",
            "その ひは ありません。つきと ひを みて ください",
        ],
        DateEraOutOfRange => [
            "その元号にその年はありません。年を確認してください（例：平成は31年4月30日まで）",
            "That era has no such date: check the year (for example, Heisei ended on 30 April 2019)",
            "その ねんごうに その としは ありません。としを みて ください",
        ],
        DateInFuture => [
            "今日か、それより前の日付を入力してください",
            "The date must be today or in the past",
            "きょう か、きょうより まえの ひを かいて ください",
        ],
        DateTooFarAhead => [
            "1年以内の日付を入力してください",
            "The date must be within one year from today",
            "きょうから 1ねん いないの ひを かいて ください",
        ],
        NumberEmpty => ["数字を入力してください", "Enter a number", "すうじを かいて ください"],
        NumberNotANumber => [
            "数字だけで入力してください（例：2980）",
            "Enter the number in digits only, like 2980",
            "すうじ だけで かいて ください（れい：2980）",
        ],
        PlanTitle => ["あなたの手続き一覧", "Your plan", "あなたの てつづき リスト"],
        PlanIntro => [
            "期限の近い順に、やる順番で並べています。終わったものは「済み」にしてください。",
            "In the order they are due and must be done. Tick each one when it is done.",
            "はやく する ものから ならべて います。おわったら「おわった」に チェックを して ください。",
        ],
        ChangeAnswers => ["答えを変更する", "Change your answers", "こたえを なおす"],
        GroupOverdue => ["期限を過ぎています", "Overdue", "きげんが すぎて います"],
        GroupWeek => ["7日以内が期限", "Due within 7 days", "7にち いないに する"],
        GroupMonth => ["30日以内が期限", "Due within 30 days", "30にち いないに する"],
        GroupLater => ["それより後が期限", "Due later", "もっと あとで する"],
        GroupNoFixed => ["決まった期限がないもの", "No fixed deadline", "きまった きげんが ない もの"],
        GroupDone => ["済み", "Done", "おわった もの"],
        Due => ["期限", "Due", "きげん"],
        HowCounted => ["期限の数え方", "How it is counted", "きげんの かぞえかた"],
        Where => ["提出先", "Where", "どこに だすか"],
        How => ["方法", "How", "だしかた"],
        Bring => ["持ち物", "What to bring", "もっていく もの"],
        LegalBasis => ["根拠法令", "Legal basis", "きまり（ほうりつ）"],
        Source => ["出典", "Source", "でどころ"],
        MarkDone => ["済みにする", "Mark as done", "おわった"],
        ChannelOnline => ["オンライン", "Online", "インターネット"],
        ChannelCounter => ["窓口", "At the counter", "まどぐち"],
        ChannelMail => ["郵送", "By post", "ゆうびん"],
        WaitsFor => ["先に必要な手続き", "Do first", "さきに する こと"],
        AnchorUnknown => ["日付が分かると期限を計算します", "The due date appears once the date is known", "ひにちが わかると きげんが でます"],
        UnsureNote => ["注意", "Please note", "ちゅうい"],
        CatalogErrorTitle => ["手続きの情報を読み込めませんでした", "The procedure information could not be loaded", "てつづきの じょうほうが よめません"],
        CatalogErrorBody => [
            "時間をおいてもう一度お試しください。続く場合は市区町村の窓口にお知らせください。入力済みの内容は消えていません。",
            "Please try again later. If it keeps happening, tell your city office. Nothing you entered has been lost.",
            "あとで もういちど ためして ください。なおらない ときは やくしょに いって ください。あなたの こたえは きえて いません。",
        ],
        Loading => ["読み込み中…", "Loading…", "よみこみちゅう…"],
        NotFoundTitle => ["ページが見つかりません", "Page not found", "ページが ありません"],
        NotFoundBody => [
            "アドレスを確認するか、トップページから始めてください。",
            "Check the address, or start again from the home page.",
            "アドレスを みるか、さいしょの ページから はじめて ください。",
        ],
        BackHome => ["トップページへ", "Go to the home page", "さいしょの ページへ"],
        Yes => ["はい", "Yes", "はい"],
        No => ["いいえ", "No", "いいえ"],
        DeleteEvent => ["削除", "Delete", "けす"],
        Started => ["開始日", "Started", "はじめた ひ"],
        StoredUnreadable => [
            "保存されていたデータを読み込めませんでした。データは消さずに別に保管してあります。",
            "Your saved data could not be read. It has been kept aside, not deleted.",
            "まえの データが よめません でした。データは けさないで とって あります。",
        ],
        StoredNewer => [
            "新しい版のアプリで保存されたデータのため読み込めませんでした。データは別に保管してあります。",
            "Your saved data comes from a newer version of the app and could not be read. It has been kept aside.",
            "あたらしい アプリの データなので よめません。データは とって あります。",
        ],
        InProgress => ["質問に回答中", "Answering questions", "しつもんに こたえている ところ"],
        PlanReady => ["手続き一覧あり", "Plan ready", "リストが できて います"],
    };
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
        Lang::Easy => easy,
    }
}

/// "質問 2 / 5", "Question 2 of 5".
pub fn question_progress(lang: Lang, n: usize, of: usize) -> String {
    match lang {
        Lang::Ja => format!("質問 {n} / {of}"),
        Lang::En => format!("Question {n} of {of}"),
        Lang::Easy => format!("しつもん {n} / {of}"),
    }
}

pub fn number_out_of_range(lang: Lang, min: f64, max: f64) -> String {
    match lang {
        Lang::Ja => format!("{min}から{max}までの数字を入力してください"),
        Lang::En => format!("Enter a number from {min} to {max}"),
        Lang::Easy => format!("{min}から {max}までの すうじを かいて ください"),
    }
}

pub fn date_before(lang: Lang, other: &str) -> String {
    match lang {
        Lang::Ja => format!("{other}と同じ日か、それより後の日付を入力してください"),
        Lang::En => format!("The date must be on or after {other}"),
        Lang::Easy => format!("{other}と おなじ ひ か、それより あとの ひを かいて ください"),
    }
}

pub fn days_left(lang: Lang, days: i32) -> String {
    match (lang, days) {
        (Lang::Ja, 0) => "今日が期限".into(),
        (Lang::En, 0) => "due today".into(),
        (Lang::Easy, 0) => "きょうまで".into(),
        (Lang::Ja, d) if d > 0 => format!("あと{d}日"),
        (Lang::En, 1) => "1 day left".into(),
        (Lang::En, d) if d > 0 => format!("{d} days left"),
        (Lang::Easy, d) if d > 0 => format!("あと {d}にち"),
        (Lang::Ja, d) => format!("{}日過ぎています", -d),
        (Lang::En, -1) => "1 day overdue".into(),
        (Lang::En, d) => format!("{} days overdue", -d),
        (Lang::Easy, d) => format!("{}にち すぎて います", -d),
    }
}

pub fn done_status(lang: Lang, title: &str, done: bool) -> String {
    match (lang, done) {
        (Lang::Ja, true) => format!("「{title}」を済みにしました"),
        (Lang::Ja, false) => format!("「{title}」を未完了に戻しました"),
        (Lang::En, true) => format!("Marked as done: {title}"),
        (Lang::En, false) => format!("Marked as not done: {title}"),
        (Lang::Easy, true) => format!("「{title}」を おわった に しました"),
        (Lang::Easy, false) => format!("「{title}」を まだ に もどしました"),
    }
}

/// Stored data was partly damaged: what was left out.
pub fn parts_lost(lang: Lang, parts: &[String]) -> String {
    let list = parts.join(", ");
    match lang {
        Lang::Ja => format!("保存されていたデータの一部（{list}）が壊れていたため読み込めませんでした。それ以外はすべて読み込みました。壊れた部分は消さずに別に保管してあります。"),
        Lang::En => format!("Part of your saved data ({list}) was damaged and could not be read. Everything else was loaded. The damaged data has been kept aside, not deleted."),
        Lang::Easy => format!("データの 一ぶ（{list}）が こわれて いて よめません でした。ほかは ぜんぶ よめました。"),
    }
}

pub fn plan_summary(lang: Lang, total: usize, done: usize) -> String {
    match lang {
        Lang::Ja => format!("手続きは{total}件、そのうち{done}件が済みです。"),
        Lang::En => format!("{total} procedures, {done} done."),
        Lang::Easy => format!("てつづきは {total}こ です。{done}こ おわりました。"),
    }
}

fn weekday_index(w: Weekday) -> usize {
    w.to_monday_zero_offset() as usize
}

/// A date with its weekday, as each language writes it.
pub fn format_date(d: Date, lang: Lang) -> String {
    const JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const EASY: [&str; 7] = ["げつ", "か", "すい", "もく", "きん", "ど", "にち"];
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];
    let w = weekday_index(d.weekday());
    match lang {
        Lang::Ja => format!("{}年{}月{}日（{}）", d.year(), d.month(), d.day(), JA[w]),
        Lang::En => format!("{} {} {} {}", EN[w], d.day(), MONTHS[d.month() as usize - 1], d.year()),
        Lang::Easy => format!("{}ねん {}がつ {}にち（{}）", d.year(), d.month(), d.day(), EASY[w]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_carry_their_weekday() {
        assert_eq!(format_date(date(2026, 4, 30), Lang::Ja), "2026年4月30日（木）");
        assert_eq!(format_date(date(2026, 4, 30), Lang::En), "Thu 30 April 2026");
        assert_eq!(format_date(date(2026, 4, 30), Lang::Easy), "2026ねん 4がつ 30にち（もく）");
    }

    #[test]
    fn days_left_reads_naturally() {
        assert_eq!(days_left(Lang::En, 1), "1 day left");
        assert_eq!(days_left(Lang::En, -3), "3 days overdue");
        assert_eq!(days_left(Lang::Ja, 0), "今日が期限");
    }
}
