//! Every fixed string of the interface, in Japanese, English and easy Japanese.
//!
//! An exhaustive match over `Msg` returning all three at once: a string missing in one
//! language is a compile error, not a blank on screen.

use crate::calendar::ClosedReason;
use crate::case::{PacketRecord, PacketStatus};
use crate::catalog::Event;
use crate::date_input::DateError;
use crate::deadline::{ClosedDayRule, Counting, Deadline, Due, Length};
use crate::fields::FieldError;
use crate::household::{Kin, PeopleQuestion, Role, Sex};
use crate::i18n::{Lang, Text};
use crate::outbox::{Delivery, Outbox};
use crate::people::PeopleError;
use crate::questionnaire::AnswerError;
use jiff::civil::{Date, Weekday};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    SiteName,
    SkipToContent,
    LanguageLabel,
    HomeTitle,
    HomeIntro,
    OpenEventsTitle,
    NoOpenEvents,
    Continue,
    Back,
    ErrorPrefix,
    ErrorSummaryTitle,
    SelectOne,
    NoneOfThese,
    OrDivider,
    CheckSomething,
    NoneWithOthers,
    SelectPrompt,
    DateHint,
    DateEmpty,
    DateUnrecognised,
    DateNoSuchDay,
    DateEraOutOfRange,
    DateMissingYear,
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
    Started,
    StoredUnreadable,
    StoredNewer,
    ImportConfirmTitle,
    ImportConfirmButton,
    ImportCancelled,
    KeptTitle,
    KeptBody,
    KeptDownload,
    KeptRestore,
    SaveFailed,
    SaveFailedLink,
    ChangedElsewhere,
    ChangeConflict,
    InProgress,
    PlanReady,
    FillForms,
    AboutChild,
    AboutDeceased,
    AboutMe,
    AboutHousehold,
    AboutCase,
    KanaHint,
    CheckTitle,
    CheckIntro,
    Change,
    UsedBy,
    SaveAndContinue,
    Save,
    SendTitle,
    SendIntroEndpoint,
    SendIntroCounter,
    Procedures,
    WillReceive,
    ConsentSend,
    ConsentPrepare,
    SendButton,
    PrepareButton,
    ChooseRecipient,
    MissingFacts,
    ReceiptsTitle,
    ReceiptNumber,
    Status,
    StatusPrepared,
    StatusWaiting,
    StatusSent,
    StatusReceived,
    StatusNeedsAction,
    StatusDone,
    StatusRefused,
    SendNow,
    PrintableSheet,
    Print,
    SheetTitle,
    MyInfoTitle,
    MyInfoIntro,
    NoFacts,
    Delete,
    SharedTitle,
    SharedIntro,
    NothingShared,
    Recipient,
    Fact,
    Date,
    Sent,
    HandedOver,
    DataTitle,
    DataIntro,
    Export,
    ExportHint,
    Import,
    ImportHint,
    ImportButton,
    Imported,
    ImportTooLarge,
    ImportNotOurs,
    ImportNewer,
    ImportDamaged,
    ImportNoFile,
    DeleteAll,
    DeleteAllConfirmTitle,
    DeleteAllConfirmBody,
    DeleteAllYes,
    Cancel,
    AllDeleted,
    NavMyInfo,
    NavShared,
    NavData,
    CaseFinished,
    NoSomeoneElse,
    IsThisYouHint,
    NotYouTitle,
    NotYouBody,
    NotYouStartOwn,
    SharedDeviceTitle,
    FilesTitle,
    FilesIntro,
    FileNoName,
    FileOpen,
    FileCurrent,
    FileDelete,
    FileDeleteConfirmTitle,
    FileDeleteYes,
    FileDeleted,
    FileNew,
    FilesFull,
    FilesLink,
    LockTitle,
    LockIntro,
    LockWarning,
    LockMeasured,
    LockUnderstand,
    LockUnderstandMissing,
    PasscodeLabel,
    PasscodeHint,
    PasscodeRepeatLabel,
    PasscodeEmpty,
    PasscodeTooShort,
    PasscodeTooLong,
    PasscodeMismatch,
    LockButton,
    LockWorking,
    LockDone,
    LockFailed,
    LockedState,
    ChangePasscode,
    RemoveLock,
    LockRemoved,
    CloseFile,
    UnlockTitle,
    UnlockIntro,
    UnlockButton,
    UnlockWrong,
    UnlockWorking,
    UnlockSomeoneElse,
    LockedNewsTitle,
    LockedNewsBody,
    PostalCodeHint,
    PhoneHint,
    MyNumberHint,
    ResidenceCardHint,
    TimeHint,
    NumberHint,
    WhoFiles,
    RecipientStatus,
    OnlineInstead,
    LegalDetail,
    FirstOverdue,
    FirstThings,
    SomeoneElse,
    NameOfNew,
    NoOtherParent,
    HeadHint,
    InformantHint,
    SurvivingSpouseHint,
    NoSurvivingSpouse,
    AllowanceClaimantHint,
    HeirsHint,
    AddAnotherPerson,
    NewHeirName,
    NewHeirHint,
    NewHeirKin,
    PeopleTitle,
    PeopleIntro,
    NothingMissing,
    WorkedOut,
    ChangeCorrect,
    ChangeFromDate,
    ChangeKind,
    ChangedOn,
    GiveMissing,
    NothingToSend,
    MarkHandedOver,
    NothingToFileTitle,
    WhyListed,
    ConfirmHandedOver,
    NotHandedOverYet,
    HandedOverInFuture,
    HeirsOwnTitle,
    HeirLearnedUnknown,
    CountFromThisDay,
    Reference,
    HandedOverOn,
    NothingPrepared,
    History,
    Value,
    StatusClosed,
    StatusHandedOver,
    NameNotYetGiven,
    You,
    MyPartMother,
    MyPartFather,
    MyPartOther,
    MyPartLegend,
    OtherParentFather,
    OtherParentMother,
    OtherParentLegend,
    HeadAfterMoveLegend,
    HeadLegend,
    HeadAfterDeathLegend,
    InformantLegend,
    AllowanceClaimantLegend,
    MoversLegend,
    LivedWithLegend,
    DeceasedKinLegend,
    SurvivingSpouseLegend,
    HeirsLegend,
    FuneralHostLegend,
    HelperLegend,
    HelperHint,
    ChooseAnHeir,
    ChooseWhoMoves,
    AboutSomeone,
    SiteShortName,
    SiteNameRest,
    SettingsTitle,
    SettingsIntro,
    SettingSaved,
    TextSizeLegend,
    TextStandard,
    TextLarge,
    TextLarger,
    ContrastLegend,
    ContrastStandard,
    ContrastHigh,
    ThemeLegend,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    FuriganaLegend,
    FuriganaOff,
    FuriganaOn,
    ReadAloud,
    ReadAloudPause,
    ReadAloudResume,
    ReadAloudStop,
    ReadAloudStarted,
    ReadAloudPaused,
    ReadAloudStopped,
    ReadAloudFinished,
    ReadAloudUnavailable,
    ReadAloudPrevious,
    NotKnownYet,
    OpenFactsTitle,
    OpenFactsIntro,
    ReadAloudNext,
    SpeechRateLegend,
    SpeechSlower,
    SpeechNormal,
    SpeechFaster,
    AccessibilityTitle,
    A11yIntro,
    A11yTargetTitle,
    A11yTarget,
    A11yTestedTitle,
    A11yTestedAxe,
    A11yTestedKeyboard,
    A11yTestedReader,
    A11yTestedZoom,
    A11yTestedColours,
    A11yLimitsTitle,
    A11yLimitReadings,
    A11yLimitLanguages,
    A11yLimitReadAloud,
    A11yLimitSheets,
    A11yReportTitle,
    A11yReport,
    Undo,
    NavLabel,
    NavNotices,
    NoticesTitle,
    NoticesIntro,
    NoticesNone,
    NoticesLoading,
    NoticeUnread,
    NoticeMarkRead,
    NoticeDismiss,
    NoticeSnooze,
    NoticeSnoozeUntil,
    NoticeTomorrow,
    NoticeSnoozeSave,
    NoticeDismissed,
    NoticeSnoozed,
    NoticeOpenPlan,
    NoticeOpenReceipts,
    ImportanceMustAct,
    ImportanceShouldKnow,
    ImportanceInfo,
    CalendarExport,
    CalendarExportHint,
    HandoffSection,
    HandoffLink,
    HandoffTitle,
    HandoffIntro,
    HandoffImage,
    HandoffNothingSent,
    HandoffNoMyNumber,
    HandoffRefused,
    HandoffPrevious,
    HandoffNext,
    HandoffAnyReader,
    HandoffTooBig,
    SummaryTitle,
    SummaryLink,
    SummaryDone,
    SummaryLeft,
    SummaryNothing,
    SummaryBy,
    SummaryWhere,
    SummaryBring,
    NoticeSettingsTitle,
    NoticeKindsLegend,
    NoticeKindDeadline,
    NoticeKindLifeStage,
    NoticeKindStatus,
    NoticeLowestLegend,
    NoticeLowestInfo,
    NoticeLowestShouldKnow,
    NoticeLowestMustAct,
    NoticeQuietLegend,
    NoticeQuietFrom,
    NoticeQuietTo,
    NoticeSystemLegend,
    NoticeSystemOn,
    NoticeSystemHint,
    NoticeSystemDenied,
    NoticeSystemUnsupported,
    NoticeSettingsSaved,
    NoticeSnoozeFuture,
    NoticeQuietNone,
    NewRelease,
    NewReleaseReload,
}

pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    let [ja, en, easy] = match msg {
        SiteName => ["ひとつ — 暮らしの手続き", "hitotsu — life-event procedures", "ひとつ — くらしの 手続き"],
        SkipToContent => ["本文へ移動", "Skip to main content", "ほんぶんへ 行く"],
        LanguageLabel => ["言語", "Language", "ことば"],
        HomeTitle => ["どのような出来事がありましたか", "What has happened?", "何が ありましたか"],
        HomeIntro => [
            "出来事を選ぶと、いくつかの質問の後に、必要な手続きと期限の一覧を作ります。入力した内容はこの端末の中だけに保存されます。",
            "Choose what has happened. After a few questions you get a list of every procedure you need to do, where, and by when. What you enter stays on this device.",
            "できごとを 選んで ください。しつもんに こたえると、する ことと、いつまでに するかの リストが できます。こたえは この スマホの なかだけに のこります。",
        ],
        OpenEventsTitle => ["進行中の手続き", "Your events in progress", "今 すすめている 手続き"],
        NoOpenEvents => ["まだありません。", "None yet.", "まだ ありません。"],
        Continue => ["次へ", "Continue", "次へ"],
        Back => ["戻る", "Back", "もどる"],
        ErrorPrefix => ["エラー：", "Error: ", "まちがい："],
        ErrorSummaryTitle => ["入力内容を確認してください", "There is a problem", "なおして ください"],
        SelectPrompt => ["選んでください", "Choose", "選んで ください"],
        SelectOne => ["どれか1つを選んでください", "Select one option", "どれか 1つを 選んで ください"],
        NoneOfThese => ["どれも該当しない", "None of these", "どれも あてはまらない"],
        OrDivider => ["または", "or", "または"],
        CheckSomething => [
            "該当するものをすべて選ぶか、「どれも該当しない」を選んでください",
            "Select all that apply, or select ‘None of these’",
            "あてはまる ものを ぜんぶ 選ぶか、「どれも あてはまらない」を 選んで ください",
        ],
        NoneWithOthers => [
            "「どれも該当しない」と、ほかのものを一緒に選ぶことはできません",
            "Select ‘None of these’ or the others, not both",
            "「どれも あてはまらない」と ほかの ものを いっしょに 選ぶ ことは できません",
        ],
        DateHint => [
            "例：2026-04-16、2026/4/16、令和8年4月16日、R8.4.16",
            "For example 2026-04-16, 2026/4/16, 令和8年4月16日 or R8.4.16",
            "れい：2026-04-16、2026/4/16、れいわ8年4月16日",
        ],
        DateEmpty => ["日付を入力してください", "Enter the date", "ひにちを 書いて ください"],
        DateUnrecognised => [
            "日付は 2026-04-16、2026/4/16、令和8年4月16日 のように入力してください",
            "Enter the date like 2026-04-16, 2026/4/16 or 令和8年4月16日",
            "ひにちは 2026/4/16 の ように 書いて ください",
        ],
        DateNoSuchDay => [
            "その日付は存在しません。月と日を確認してください",
            "That day does not exist: check the month and the day",
            "その 日は ありません。月と 日を 見て ください",
        ],
        DateMissingYear => [
            "年も入力してください（例：2026年12月30日、令和8年12月30日）",
            "Add the year, for example 2026-12-30",
            "とし（ねん）も 書いて ください（れい：れいわ8年12月30日）",
        ],
        DateEraOutOfRange => [
            "その元号にその年はありません。年を確認してください（例：平成は31年4月30日まで）",
            "That era has no such date: check the year (for example, Heisei ended on 30 April 2019)",
            "その ねんごうに その としは ありません。としを 見て ください",
        ],
        DateInFuture => [
            "今日か、それより前の日付を入力してください",
            "The date must be today or in the past",
            "きょう か、きょうより 前の 日を 書いて ください",
        ],
        DateTooFarAhead => [
            "1年以内の日付を入力してください",
            "The date must be within one year from today",
            "きょうから 1年 いないの 日を 書いて ください",
        ],
        NumberEmpty => ["数字を入力してください", "Enter a number", "すうじを 書いて ください"],
        NumberNotANumber => [
            "数字だけで入力してください（例：2980）",
            "Enter the number in digits only, like 2980",
            "すうじ だけで 書いて ください（れい：2980）",
        ],
        PlanTitle => ["あなたの手続き一覧", "Your plan", "あなたの 手続き リスト"],
        PlanIntro => [
            "期限の近い順に、やる順番で並べています。終わったものは「済み」にしてください。",
            "In the order they are due and must be done. Tick each one when it is done.",
            "早く する ものから ならべて います。終わったら「終わった」に チェックを して ください。",
        ],
        ChangeAnswers => ["答えを変更する", "Change your answers", "こたえを なおす"],
        GroupOverdue => ["期限を過ぎています", "Overdue", "期限が すぎて います"],
        GroupWeek => ["7日以内が期限", "Due within 7 days", "7日 いないに する"],
        GroupMonth => ["30日以内が期限", "Due within 30 days", "30日 いないに する"],
        GroupLater => ["それより後が期限", "Due later", "もっと あとで する"],
        GroupNoFixed => ["決まった期限がないもの", "No fixed deadline", "決まった 期限が ない もの"],
        GroupDone => ["済み", "Done", "終わった もの"],
        Due => ["期限", "Due", "期限"],
        HowCounted => ["期限の数え方", "How it is counted", "期限の かぞえかた"],
        Where => ["提出先", "Where", "どこに 出すか"],
        How => ["方法", "How", "出しかた"],
        Bring => ["持ち物", "What to bring", "もっていく もの"],
        LegalBasis => ["根拠法令", "Legal basis", "決まり（ほうりつ）"],
        Source => ["出典", "Source", "でどころ"],
        MarkDone => ["済みにする", "Mark as done", "終わった"],
        ChannelOnline => ["オンライン", "Online", "インターネット"],
        ChannelCounter => ["窓口", "At the counter", "窓口"],
        ChannelMail => ["郵送", "By post", "郵便"],
        WaitsFor => ["先に必要な手続き", "Do first", "さきに する こと"],
        AnchorUnknown => ["日付が分かると期限を計算します", "The due date appears once the date is known", "ひにちが わかると 期限が でます"],
        UnsureNote => ["注意", "Please note", "ちゅうい"],
        CatalogErrorTitle => ["手続きの情報を読み込めませんでした", "The procedure information could not be loaded", "手続きの 情報が 読めません"],
        CatalogErrorBody => [
            "時間をおいてもう一度お試しください。続く場合は市区町村の窓口にお知らせください。入力済みの内容は消えていません。",
            "Please try again later. If it keeps happening, tell your city office. Nothing you entered has been lost.",
            "あとで もういちど ためして ください。なおらない ときは 役所に いって ください。あなたの こたえは きえて いません。",
        ],
        Loading => ["読み込み中…", "Loading…", "よみこみちゅう…"],
        NavNotices => ["お知らせ", "Notices", "おしらせ"],
        NoticesTitle => ["お知らせ", "Notices", "おしらせ"],
        NoticesIntro => ["手続きの期限、お子さんや家族の健康診査・入学・年金などの節目、送った手続きの状況をお知らせします。この端末の中で、あなたの情報から作っています。", "Deadlines of your procedures, the milestones of your children and family (checkups, school, pension) and news about what you sent. Made on this device from your own information.", "手続きの きげん、こどもや かぞくの だいじな 日（けんしん、学校、ねんきん）、おくった 手続きの ようすを しらせます。この スマホの なかで つくって います。"],
        NoticesNone => ["今お知らせはありません。", "No notices now.", "今 おしらせは ありません。"],
        NoticesLoading => ["お知らせを作っています…", "Preparing your notices…", "おしらせを つくって います…"],
        NoticeUnread => ["未読", "Unread", "まだ よんで いない"],
        NoticeMarkRead => ["読んだ", "Mark as read", "よんだ"],
        NoticeDismiss => ["表示しない", "Dismiss", "けす"],
        NoticeSnooze => ["指定した日まで表示しない", "Remind me later", "あとで しらせる"],
        NoticeSnoozeUntil => ["もう一度知らせる日", "Remind me again on", "もう いちど しらせる 日"],
        NoticeTomorrow => ["明日また知らせる", "Remind me tomorrow", "あした また しらせる"],
        NoticeSnoozeSave => ["この日まで表示しない", "Snooze until this day", "この 日まで けす"],
        NoticeDismissed => ["お知らせを表示しないようにしました。", "The notice is dismissed.", "おしらせを けしました。"],
        NoticeSnoozed => ["お知らせを指定した日まで表示しないようにしました。", "The notice will come back on the day you chose.", "おしらせは えらんだ 日に また でます。"],
        NoticeOpenPlan => ["手続きの一覧で見る", "See it in your plan", "手続きの リストで みる"],
        NoticeOpenReceipts => ["送った手続きの状況を見る", "See what you sent", "おくった 手続きを みる"],
        ImportanceMustAct => ["手続きが必要", "Action needed", "手続きが ひつよう"],
        ImportanceShouldKnow => ["確認してください", "Good to know", "みて ください"],
        ImportanceInfo => ["お知らせ", "For information", "おしらせ"],
        HandoffSection => ["窓口で手続きをするとき", "Going to the counter", "まどぐちで 手続きを する とき"],
        HandoffLink => ["窓口で見せるコードを表示する", "Show a code for the counter", "まどぐちで 見せる コードを 出す"],
        HandoffTitle => ["窓口で見せるコード", "A code to show at the counter", "まどぐちで 見せる コード"],
        HandoffIntro => [
            "市区町村の窓口でこの画面を見せてください。職員がコードを読み取り、あなたの答えと家族の情報から書類を作ります。あなたが書く必要はありません。",
            "Show this screen at the city office counter. Staff scan the code and fill in the forms from your answers and your family's details: you do not need to write anything.",
            "市役所の まどぐちで この 画面を 見せて ください。しょくいんが コードを よみとって、書類を つくります。あなたが 書く ひつようは ありません。",
        ],
        HandoffImage => ["窓口用のQRコード", "QR code for the counter", "まどぐちよう QRコード"],
        HandoffPrevious => ["前のコード", "Previous code", "まえの コード"],
        HandoffNext => ["次のコード", "Next code", "つぎの コード"],
        HandoffRefused => [
            "この内容では、窓口で読み取れるコードを作れません。次の点を直してください。",
            "A code the counter can read cannot be made from this: please correct the following.",
            "この ままでは コードを つくれません。つぎの ところを なおして ください。",
        ],
        HandoffNoMyNumber => [
            "マイナンバー（個人番号）はコードに入れていません。窓口でマイナンバーカードをお見せください。職員がカードで番号とご本人を確認します。",
            "Your My Number is not in the code: show your My Number card at the counter, where staff check the number and who you are from the card.",
            "マイナンバーは コードに 入って いません。まどぐちで マイナンバーカードを 見せて ください。",
        ],
        HandoffAnyReader => [
            "QRコードは、どの読み取りアプリでも読めます。窓口の職員にだけ見せてください。",
            "Any QR code reader app can read this code: show it only to the counter staff.",
            "QRコードは だれでも よめます。まどぐちの しょくいんに だけ 見せて ください。",
        ],
        HandoffNothingSent => [
            "コードはこの画面に出すだけで、どこにも送られません。",
            "The code is only shown on this screen; nothing is sent anywhere.",
            "コードは この 画面に 出す だけ です。どこにも おくりません。",
        ],
        HandoffTooBig => [
            "情報が多すぎて、1つのコードに入りません。窓口で「データ」の書き出しファイルを使ってください。",
            "There is too much to fit in one code. At the counter, use the file from \"Your data\" instead.",
            "じょうほうが おおすぎて、コードに 入りません。",
        ],
        SummaryTitle => ["持ち帰り用のまとめ", "Summary to take home", "もちかえる まとめ"],
        SummaryLink => ["持ち帰り用のまとめを表示・印刷する", "Show and print a summary to take home", "もちかえる まとめを 出す"],
        SummaryDone => ["済んだ手続き", "Done", "おわった 手続き"],
        SummaryLeft => ["これからの手続き", "Still to do", "これから する 手続き"],
        SummaryNothing => ["ありません。", "None.", "ありません。"],
        SummaryBy => ["期限", "By", "いつまで"],
        SummaryWhere => ["手続きする所", "Where", "どこで"],
        SummaryBring => ["持ち物", "Bring", "もっていく もの"],
        CalendarExport => ["期限をカレンダーに追加（.ics）", "Add the due dates to your calendar (.ics)", "きげんを カレンダーに いれる（.ics）"],
        CalendarExportHint => ["まだ済んでいない手続きの期限を、予定表アプリで読み込めるファイルにします。もう一度読み込むと、変わった期限が更新されます。", "A file your calendar app reads, with the due date of every procedure not done yet. Importing it again updates any date that changed.", "まだ おわって いない 手続きの きげんを、カレンダーの アプリに いれる ファイルに します。"],
        NoticeSettingsTitle => ["お知らせの設定", "Notice settings", "おしらせの せってい"],
        NoticeKindsLegend => ["知らせてほしいこと", "What to tell you about", "しらせて ほしい こと"],
        NoticeKindDeadline => ["手続きの期限", "Deadlines of procedures", "手続きの きげん"],
        NoticeKindLifeStage => ["健康診査・入学・年金などの節目", "Milestones: checkups, school, pension", "けんしん・学校・ねんきん など"],
        NoticeKindStatus => ["送った手続きの状況", "News about what you sent", "おくった 手続きの ようす"],
        NoticeLowestLegend => ["表示するお知らせ", "Which notices to show", "みせる おしらせ"],
        NoticeLowestInfo => ["すべて", "All of them", "ぜんぶ"],
        NoticeLowestShouldKnow => ["確認が必要なものと、手続きが必要なもの", "Good to know, and action needed", "みて ほしい ものと、手続きが ひつような もの"],
        NoticeLowestMustAct => ["手続きが必要なものだけ", "Only where action is needed", "手続きが ひつような ものだけ"],
        NoticeQuietLegend => ["通知しない時間帯", "Quiet hours (no notifications)", "しらせない 時間"],
        NoticeQuietFrom => ["開始", "From", "はじめ"],
        NoticeQuietTo => ["終了", "Until", "おわり"],
        NoticeSystemLegend => ["スマートフォンの通知", "Notifications on this phone", "スマホの つうち"],
        NoticeSystemOn => ["この端末に通知を表示する", "Show notifications on this device", "この スマホに つうちを だす"],
        NoticeSystemHint => ["オンにすると、ブラウザーが通知を許可するか尋ねます。アプリを開いていないときも、期限や節目を通知でお知らせします。", "When you turn this on, your browser asks whether to allow notifications. You are then notified of deadlines and milestones even when the app is closed.", "オンに すると、ブラウザーが きょかを ききます。アプリを ひらいて いない ときも しらせます。"],
        NoticeSystemDenied => ["ブラウザーで通知が許可されていないため、通知は表示できません。お知らせはこのページでいつでも見られます。通知を使うには、ブラウザーのサイト設定で通知を許可してから、もう一度オンにしてください。", "Notifications are blocked in your browser, so none can be shown. Your notices are always on this page. To use notifications, allow them in your browser's site settings and turn this on again.", "ブラウザーが つうちを ゆるして いません。おしらせは この ページで いつでも みられます。"],
        NoticeSystemUnsupported => ["このブラウザーは通知に対応していません。お知らせはこのページでいつでも見られます。", "This browser cannot show notifications. Your notices are always on this page.", "この ブラウザーは つうちが できません。おしらせは この ページで みられます。"],
        NoticeSnoozeFuture => ["明日以降の日を入力してください", "Enter a day after today", "あしたより あとの 日を かいて ください"],
        NoticeQuietNone => ["なし", "None", "なし"],
        NewRelease => [
            "新しい版の準備ができました。入力した内容はそのまま残ります。",
            "A new version is ready. Everything you entered stays.",
            "あたらしい アプリが あります。かいた ことは きえません。",
        ],
        NewReleaseReload => ["新しい版にする", "Use the new version", "あたらしく する"],
        NoticeSettingsSaved => ["お知らせの設定を保存しました。", "Notice settings saved.", "おしらせの せっていを のこしました。"],
        NotFoundTitle => ["ページが見つかりません", "Page not found", "ページが ありません"],
        NotFoundBody => [
            "アドレスを確認するか、トップページから始めてください。",
            "Check the address, or start again from the home page.",
            "アドレスを みるか、さいしょの ページから はじめて ください。",
        ],
        BackHome => ["トップページへ", "Go to the home page", "さいしょの ページへ"],
        Yes => ["はい", "Yes", "はい"],
        No => ["いいえ", "No", "いいえ"],
        Started => ["開始日", "Started", "はじめた 日"],
        StoredUnreadable => [
            "保存されていたデータを読み込めませんでした。データは消さずに別に保管してあります。",
            "Your saved data could not be read. It has been kept aside, not deleted.",
            "前の データが 読めません でした。データは けさないで とって あります。",
        ],
        StoredNewer => [
            "新しい版のアプリで保存されたデータのため読み込めませんでした。データは別に保管してあります。",
            "Your saved data comes from a newer version of the app and could not be read. It has been kept aside.",
            "新しい アプリの データなので 読めません。データは とって あります。",
        ],
        SaveFailed => [
            "この端末に保存できませんでした（保存できる容量がいっぱいか、保存が許可されていません）。この画面を閉じると、入力した内容は失われます。送信もしていません。",
            "Could not save on this device (its storage is full or saving is not allowed). What you entered will be lost when you close this page, and nothing has been sent.",
            "この たんまつに ほぞん できません でした。この 画面を とじると 書いた ことが きえます。送って いません。",
        ],
        SaveFailedLink => [
            "データを書き出して残す",
            "Export your data to keep it",
            "データを ファイルに して のこす",
        ],
        ChangedElsewhere => [
            "別のウィンドウ（タブ）での変更を反映しました。",
            "Updated with the changes made in another window or tab.",
            "ほかの 画面で かえた ことを 入れました。",
        ],
        ChangeConflict => [
            "別のウィンドウ（タブ）で先に変更されていたため、この画面での最後の変更は保存していません。最新の内容を表示しています。確かめて、もう一度行ってください。",
            "This was changed in another window or tab first, so your last change here was not saved. The latest version is shown: check it and make your change again.",
            "ほかの 画面で 先に かえられました。この 画面で さいごに かえた ことは ほぞん して いません。もう一度 して ください。",
        ],
        InProgress => ["質問に回答中", "Answering questions", "しつもんに こたえている ところ"],
        FillForms => ["申請書をまとめて作成する", "Fill in all the forms at once", "しんせいしょを まとめて 作る"],
        AboutChild => ["お子さんについて", "About the child", "子どもの こと"],
        AboutDeceased => ["亡くなった方について", "About the person who died", "亡くなった 人の こと"],
        AboutMe => ["あなたについて", "About you", "あなたの こと"],
        AboutHousehold => ["世帯について", "About your household", "家の こと"],
        AboutCase => ["この手続きについて", "About this event", "この 手続きの こと"],
        KanaHint => ["ひらがなで入力してもカタカナに直します", "You can type hiragana; it is changed to katakana", "ひらがなで かいても だいじょうぶ です"],
        CheckTitle => ["入力内容の確認", "Check your answers", "こたえの かくにん"],
        CheckIntro => [
            "それぞれの情報は一度だけ入力し、必要なすべての申請書に使います。変更するとすべての申請書に反映されます。",
            "Each fact is given once and used on every form that needs it. A change here changes it on all of them.",
            "同じ ことは 1かいだけ かきます。なおすと 全部の しんせいしょが なおります。",
        ],
        Change => ["変更", "Change", "なおす"],
        UsedBy => ["使う手続き", "Used for", "使う 手続き"],
        SaveAndContinue => ["保存して次へ", "Save and continue", "ほぞんして 次へ"],
        Save => ["保存する", "Save", "ほぞんする"],
        SendTitle => ["提出先ごとの確認と同意", "Check and agree, recipient by recipient", "出す ところごとの かくにん"],
        SendIntroEndpoint => [
            "提出先ごとに、送る内容を確認して同意してください。同意した提出先にだけ送ります。",
            "For each recipient, check exactly what it will receive and agree. Only the recipients you agree to are sent anything.",
            "出す ところごとに、おくる ないようを 見て、いいか きめて ください。",
        ],
        SendIntroCounter => [
            "この自治体ではオンライン提出の準備中のため、提出先ごとに記入済みの用紙を作ります。窓口で見せるか印刷してください。手書きは不要です。",
            "This city does not take online submissions yet, so a filled-in sheet is prepared for each recipient: show it at the counter or print it. Nothing needs to be written by hand.",
            "かきこみ ずみの かみを 作ります。窓口で 見せるか、いんさつ して ください。",
        ],
        Procedures => ["手続き", "Procedures", "手続き"],
        WillReceive => ["提出先が受け取る情報", "What this recipient receives", "あいてが うけとる 情報"],
        ConsentSend => ["この内容を送ることに同意します", "I agree to send this to this recipient", "これを おくる ことに どういします"],
        ConsentPrepare => ["この提出先用の用紙を作ります", "Prepare the sheet for this recipient", "この あいての かみを 作ります"],
        SendButton => ["同意した提出先に送る", "Send to the recipients I agreed to", "おくる"],
        PrepareButton => ["用紙を作る", "Prepare the sheets", "かみを 作る"],
        ChooseRecipient => ["少なくとも1つの提出先を選んでください", "Choose at least one recipient", "1つ いじょう 選んで ください"],
        MissingFacts => ["まだ入力されていない情報があります", "Some facts are still missing", "まだ 書いて いない ことが あります"],
        ReceiptsTitle => ["受付控え", "Receipts", "うけつけの ひかえ"],
        ReceiptNumber => ["受付番号", "Receipt number", "うけつけ 番号"],
        Status => ["状況", "Status", "今の じょうきょう"],
        StatusPrepared => ["用紙を作成済み（まだ渡していません）", "Sheet prepared (not handed over yet)", "かみを 作りました（まだ わたして いません）"],
        StatusWaiting => ["送信待ち（自動で再送します）", "Waiting to send (it will retry by itself)", "おくる まちです（じどうで また おくります）"],
        StatusSent => ["送信済み", "Sent", "おくりました"],
        StatusReceived => ["受付済み", "Received", "うけつけ されました"],
        StatusNeedsAction => ["対応が必要です", "Needs action", "する ことが あります"],
        StatusDone => ["完了", "Done", "終わりました"],
        StatusRefused => ["受け付けられませんでした", "Not accepted", "うけつけ されません でした"],
        SendNow => ["今すぐ送信を試す", "Try sending now", "今 おくって みる"],
        PrintableSheet => ["記入済み用紙", "Filled-in sheet", "かきこみ ずみの かみ"],
        Print => ["印刷する", "Print", "いんさつ する"],
        SheetTitle => ["記入済み用紙", "Filled-in sheet", "かきこみ ずみの かみ"],
        MyInfoTitle => ["わたしの情報", "My information", "わたしの 情報"],
        MyInfoIntro => [
            "この端末に保存されているあなたの情報です。人ごとに、いつどこで入力したかを表示しています。",
            "Everything this device holds about you, person by person, with where and when each fact was given.",
            "この スマホに ある あなたの 情報 です。",
        ],
        NoFacts => ["まだ情報はありません。", "Nothing yet.", "まだ ありません。"],
        Delete => ["削除", "Delete", "けす"],
        SharedTitle => ["提供した情報の記録", "What was shared", "わたした 情報の 記録"],
        SharedIntro => [
            "どの情報を、いつ、どの提出先に、どの手続きのために提供したかの記録です。",
            "Every fact, to which recipient, when, and for which procedure.",
            "どの 情報を いつ どこに わたしたかの 記録 です。",
        ],
        NothingShared => ["まだ何も提供していません。", "Nothing has been shared yet.", "まだ 何も わたして いません。"],
        Recipient => ["提出先", "Recipient", "あいて"],
        Fact => ["情報", "Fact", "情報"],
        Date => ["日付", "Date", "ひにち"],
        Sent => ["送信", "sent", "おくった"],
        HandedOver => ["窓口用", "for the counter", "まどぐちよう"],
        DataTitle => ["データの書き出し・読み込み・削除", "Your data: export, import, delete", "データの かきだし・よみこみ・けす"],
        DataIntro => [
            "データはこの端末の中だけにあります。書き出したファイルは別の端末で読み込めます。",
            "Your data is only on this device. An exported file can be imported again here or on another device.",
            "データは この スマホの なかだけに あります。",
        ],
        Export => ["すべて書き出す", "Export everything", "全部 かきだす"],
        ExportHint => [
            "JSONファイルを保存します。ファイルにはマイナンバーや口座などがそのまま（暗号化せずに）入っています。安全な場所に保管し、使い終わったら削除してください。",
            "Saves a JSON file. It holds your My Number, bank account and other details in plain text (not encrypted): keep it somewhere safe and delete it when you no longer need it.",
            "ファイルを ほぞん します。ファイルには マイナンバーなどが そのまま 入って います。ほかの 人に 見せないで ください。いらなく なったら けして ください。",
        ],
        Import => ["ファイルを読み込む", "Import a file", "ファイルを よみこむ"],
        ImportHint => ["書き出したファイルを選んでください。今のデータは置き換えられます。", "Choose a file exported from hitotsu. It replaces the data on this device.", "かきだした ファイルを 選んで ください。"],
        ImportButton => ["読み込む", "Import", "よみこむ"],
        Imported => ["読み込みました", "Imported", "よみこみました"],
        ImportTooLarge => ["ファイルが大きすぎます（5MBまで）", "The file is too large (5 MB at most)", "ファイルが おおきすぎます"],
        ImportNotOurs => ["ひとつで書き出したファイルではありません", "This is not a file exported from hitotsu", "ひとつの ファイルでは ありません"],
        ImportNewer => ["新しい版のアプリで書き出したファイルです。アプリを更新してください", "This file comes from a newer version of the app; update the app first", "新しい アプリの ファイル です"],
        ImportDamaged => ["ファイルの一部が壊れています。何も変更していません", "Part of the file is damaged; nothing was changed", "ファイルが こわれて います"],
        ImportNoFile => ["ファイルを選んでください", "Choose a file", "ファイルを 選んで ください"],
        ImportConfirmTitle => ["読み込むと、この端末のデータが置き換わります", "Importing replaces the data on this device", "よみこむと、今の データが かわります"],
        ImportConfirmButton => ["置き換えて読み込む", "Replace and import", "かえて よみこむ"],
        KeptTitle => ["読み込めなかったデータの控え", "A copy of data that could not be read", "読めなかった データの ひかえ"],
        KeptBody => [
            "この端末には、読み込めなかったデータ（新しい版のアプリで保存されたデータや、壊れたデータ）の控えが残してあります。ファイルに保存するか、今のアプリで読み込めるか試せます。",
            "This device keeps a copy of data the app could not read (saved by a newer version of the app, or damaged). You can save it as a file, or try to read it with this version.",
            "この たんまつには、読めなかった データの ひかえが あります。ファイルに ほぞん するか、読めるか ためせます。",
        ],
        KeptDownload => ["控えをファイルに保存する", "Save the copy as a file", "ひかえを ファイルに ほぞん する"],
        KeptRestore => ["控えを読み込む", "Read the copy", "ひかえを よみこむ"],
        ImportCancelled => ["読み込みをやめました。何も変更していません", "Import cancelled; nothing was changed", "よみこみを やめました。なにも かえて いません"],
        DeleteAll => ["すべて削除する", "Delete everything", "全部 けす"],
        DeleteAllConfirmTitle => ["本当にすべて削除しますか", "Delete everything?", "ほんとうに 全部 けしますか"],
        DeleteAllConfirmBody => [
            "この端末のすべての手続き・情報・記録を削除します。元に戻せません。必要なら先に書き出してください。",
            "This deletes every event, fact and record on this device. It cannot be undone: export first if you may need them.",
            "全部 きえます。もとに もどせません。",
        ],
        DeleteAllYes => ["はい、すべて削除します", "Yes, delete everything", "はい、全部 けします"],
        Cancel => ["やめる", "Cancel", "やめる"],
        AllDeleted => ["すべて削除しました", "Everything has been deleted", "全部 けしました"],
        NavMyInfo => ["わたしの情報", "My information", "わたしの 情報"],
        NavShared => ["提供の記録", "What was shared", "わたした 記録"],
        NavData => ["データ", "Your data", "データ"],
        NavLabel => ["メニュー", "Menu", "メニュー"],
        PlanReady => ["手続き一覧あり", "Plan ready", "リストが できて います"],
        CaseFinished => ["すべて済み", "All done", "全部 終わりました"],
        NoSomeoneElse => ["いいえ、別の人です", "No, I am someone else", "いいえ、ちがう 人 です"],
        IsThisYouHint => [
            "「はい」なら、保存されている情報を使って入力を省きます。",
            "If it is you, what is saved here fills in the forms for you.",
            "「はい」なら、ここに ある 情報を 使います。",
        ],
        NotYouTitle => ["保存されている情報は使いません", "The saved details will not be used", "ここに ある 情報は 使いません"],
        NotYouBody => [
            "保存されている情報は、その人のファイルにそのまま残ります。あなたの手続きは、あなただけの新しいファイルで始めます。",
            "The saved details stay in that person's file, untouched. Your procedure starts in a new file of your own.",
            "ここに ある 情報は その 人の ファイルに のこります。あなたは あたらしい じぶんの ファイルで はじめます。",
        ],
        NotYouStartOwn => ["自分のファイルで始める", "Start in a file of my own", "じぶんの ファイルで はじめる"],
        SharedDeviceTitle => ["ほかの人もこの端末を使うとき", "If others use this device too", "ほかの 人も この たんまつを 使う とき"],
        FilesTitle => ["この端末のファイル", "Files on this device", "この たんまつの ファイル"],
        FilesIntro => [
            "この端末を使う人は、それぞれ自分のファイルを持てます。自分のファイルを開くか、新しく始めてください。ほかの人のファイルは開かないでください。",
            "Everyone who uses this device can keep a file of their own. Open yours, or start a new one. Do not open other people's files.",
            "この たんまつを 使う 人は、ひとり ひとつ ファイルを もてます。じぶんの ファイルを ひらくか、あたらしく はじめて ください。",
        ],
        FileNoName => ["名前のまだないファイル", "A file with no name yet", "名前の ない ファイル"],
        FileOpen => ["開く", "Open", "ひらく"],
        FileCurrent => ["このタブで使用中", "In use in this tab", "いま 使って います"],
        FileDelete => ["削除する", "Delete", "けす"],
        FileDeleteConfirmTitle => ["このファイルを削除しますか", "Delete this file?", "この ファイルを けしますか"],
        FileDeleteYes => ["はい、このファイルを削除します", "Yes, delete this file", "はい、けします"],
        FileDeleted => ["ファイルを削除しました", "The file has been deleted", "ファイルを けしました"],
        FileNew => ["新しいファイルを始める", "Start a new file", "あたらしい ファイルを はじめる"],
        FilesFull => [
            "この端末にはこれ以上ファイルを作れません。使わなくなったファイルを先に削除してください。",
            "This device cannot hold another file. Delete a file nobody uses any more first.",
            "もう ファイルを ふやせません。使わない ファイルを さきに けして ください。",
        ],
        FilesLink => ["この端末のファイル（ほかの人と使うとき）", "Files on this device (when others use it too)", "この たんまつの ファイル（ほかの 人と 使う とき）"],
        LockTitle => ["ファイルに鍵をかける", "Lock your file", "ファイルに かぎを かける"],
        LockIntro => [
            "鍵をかけると、このファイルは端末の中で暗号化され、パスコードを入れるまで、名前・手続き・用紙・お知らせの中身は表示も書き出しもできません。この端末をほかの人も使うときにお使いください。",
            "A locked file is encrypted on this device: until the passcode is entered, no name, event, sheet or notice in it can be shown or exported. Use it when others use this device too.",
            "かぎを かけると、パスコードを 入れるまで、ファイルの 中みは 見えません。ほかの 人も この たんまつを 使う ときに かけて ください。",
        ],
        LockWarning => [
            "パスコードを忘れると、このファイルを開く方法はありません。だれにも（市役所にも）戻せません。",
            "If you forget the passcode, there is no way to open this file: nobody, not even the city office, can recover it.",
            "パスコードを わすれると、もう ひらけません。だれも もどせません。",
        ],
        LockMeasured => [
            "鍵をかける前にこの端末に書かれた内容は、ブラウザーのファイルの中にしばらく残ることがあります。専用の道具で端末を調べる人からは守れません。鍵は、この端末を次に使う人がアプリやブラウザーの履歴から見ることを防ぎます。",
            "What was written on this device before the lock may stay for a while in the browser's own files: the lock does not protect against someone who examines the device with forensic tools. It stops the next person who uses this browser from seeing your file through the app, its exports or the browser's history.",
            "かぎを かける 前の 内容は、しばらく たんまつの 中に のこる ことが あります。かぎは、つぎに 使う 人が アプリで 見る ことを ふせぎます。",
        ],
        LockUnderstand => [
            "パスコードを忘れると戻せないことを理解しました",
            "I understand that a forgotten passcode cannot be recovered",
            "わすれると もどせない ことが わかりました",
        ],
        LockUnderstandMissing => [
            "パスコードを忘れると戻せないことを確認してください",
            "Confirm that you understand a forgotten passcode cannot be recovered",
            "わすれると もどせない ことを たしかめて ください",
        ],
        PasscodeLabel => ["パスコード", "Passcode", "パスコード"],
        PasscodeHint => [
            "6文字以上。この端末を使うほかの人が知らないものにしてください。",
            "At least 6 characters, that nobody else who uses this device knows.",
            "6もじ いじょう。ほかの 人が しらない ものに して ください。",
        ],
        PasscodeRepeatLabel => ["もう一度パスコード", "The passcode again", "もう いちど パスコード"],
        PasscodeEmpty => ["パスコードを入力してください", "Enter a passcode", "パスコードを 入れて ください"],
        PasscodeTooShort => ["パスコードは6文字以上にしてください", "The passcode must be at least 6 characters", "パスコードは 6もじ いじょうに して ください"],
        PasscodeTooLong => ["パスコードは128文字以下にしてください", "The passcode must be 128 characters or fewer", "パスコードは 128もじ までに して ください"],
        PasscodeMismatch => ["2つのパスコードが同じではありません", "The two passcodes are not the same", "2つの パスコードが ちがいます"],
        LockButton => ["鍵をかける", "Lock the file", "かぎを かける"],
        LockWorking => ["鍵をかけています…", "Locking…", "かぎを かけて います…"],
        LockDone => ["ファイルに鍵をかけました", "Your file is locked", "かぎを かけました"],
        LockFailed => [
            "鍵をかけられませんでした。何も変えていません。もう一度お試しください",
            "The file could not be locked; nothing was changed. Please try again",
            "かぎを かけられませんでした。もう いちど ためして ください",
        ],
        LockedState => [
            "このファイルには鍵がかかっています。このタブを閉じると、次に開くときはパスコードが必要です。",
            "This file is locked. Once this tab is closed, it opens only with the passcode.",
            "この ファイルには かぎが かかって います。",
        ],
        ChangePasscode => ["パスコードを変える", "Change the passcode", "パスコードを かえる"],
        RemoveLock => ["鍵を外す", "Remove the lock", "かぎを はずす"],
        LockRemoved => ["鍵を外しました", "The lock has been removed", "かぎを はずしました"],
        CloseFile => ["ファイルを閉じる", "Close the file", "ファイルを とじる"],
        UnlockTitle => ["鍵のかかったファイル", "A locked file", "かぎの かかった ファイル"],
        UnlockIntro => [
            "このファイルを開くには、パスコードを入力してください。",
            "Enter the passcode to open this file.",
            "ひらくには パスコードを 入れて ください。",
        ],
        UnlockButton => ["開く", "Open", "ひらく"],
        UnlockWrong => [
            "このパスコードではファイルを開けません",
            "That passcode does not open this file",
            "この パスコードでは ひらけません",
        ],
        UnlockWorking => ["確かめています…", "Checking…", "たしかめて います…"],
        UnlockSomeoneElse => [
            "別の人です（ほかのファイルを選ぶ・始める）",
            "I am someone else (choose or start another file)",
            "ちがう 人 です（ほかの ファイル）",
        ],
        LockedNewsTitle => ["ひとつ", "hitotsu", "ひとつ"],
        LockedNewsBody => [
            "お知らせがあります。アプリを開いてパスコードを入れてください。",
            "There is news for you. Open hitotsu and enter your passcode.",
            "おしらせが あります。アプリを ひらいて ください。",
        ],
        PostalCodeHint => ["例：100-0001", "For example 100-0001", "れい：100-0001"],
        PhoneHint => ["例：090-1234-5678", "For example 090-1234-5678", "れい：090-1234-5678"],
        MyNumberHint => ["12桁の数字", "12 digits", "12けたの すうじ"],
        ResidenceCardHint => ["例: AB12345678CD", "For example AB12345678CD", "れい: AB12345678CD"],
        TimeHint => ["例: 14:05 または 午後2時5分", "For example 14:05 or 2:05 pm", "れい: 14:05 か 午後2時5分"],
        NumberHint => ["数字だけで入力してください", "Digits only", "すうじ だけで 書いて ください"],
        WhoFiles => ["届出人・請求者", "Filed by", "出す 人"],
        RecipientStatus => ["提出先での状況", "At the recipient", "あいての じょうきょう"],
        OnlineInstead => ["オンラインでもできます", "Can also be done online", "インターネットでも できます"],
        LegalDetail => ["期限の数え方と根拠", "How the deadline is counted, and the law", "期限の かぞえかたと 決まり"],
        FirstOverdue => ["まず、期限を過ぎているもの", "First: what is overdue", "まず、期限が すぎた もの"],
        FirstThings => ["まず、これから", "What to do first", "まず する こと"],
        SomeoneElse => ["ほかの人（氏名を入力）", "Someone else (enter their name)", "他の 人（名前を 書く）"],
        NameOfNew => ["氏名", "Full name", "名前"],
        NoOtherParent => ["届け出るもう一人の親はいない", "There is no other parent to register", "もう ひとりの 親は いない"],
        HeadHint => ["住民票の世帯主です", "The head of the household on the residence record", "住民票の 世帯主 です"],
        InformantHint => ["届書に署名する人です", "The person who signs the notification", "とどけに 名前を 書く 人 です"],
        SurvivingSpouseHint => [
            "遺族年金などは、残された配偶者が請求します",
            "The surviving husband or wife claims the survivors' pension",
            "のこされた 妻・おっとが いぞく 年金を もらいます",
        ],
        NoSurvivingSpouse => ["配偶者はいない（先に亡くなった、など）", "None (they died earlier, or there was none)", "いない"],
        AllowanceClaimantHint => [
            "原則として所得の高いほうの親が請求します",
            "As a rule, the parent with the higher income claims it",
            "お金を 多く かせぐ 親が します",
        ],
        HeirsHint => [
            "法律で決まる相続人を選んであります（配偶者と子、子がいなければ親や祖父母、それもいなければ兄弟姉妹）。名前の後ろの（　）は亡くなった方との続柄で、準確定申告・相続税・相続登記・預貯金の書類に書かれます。確かめてください。",
            "The heirs the law names are ticked (the spouse and the children; without children the parents or grandparents; without them the brothers and sisters). In brackets: how each was related to the deceased, as the income tax, inheritance tax, land registration and bank forms print it. Check them.",
            "ほうりつで きまる 人に チェックが あります。（ ）の 中は 亡くなった 人から みた つながりで、税金や 銀行の 紙に 書かれます。たしかめて ください。",
        ],
        AddAnotherPerson => ["もう1人加える", "Add one more person", "もう 1人 くわえる"],
        NewHeirName => ["ほかの相続人を加える（氏名）", "Add another heir (full name)", "他の 相続 する 人（名前）"],
        NewHeirHint => ["いなければ空欄のままにしてください", "Leave empty if there is none", "いなければ かかないで ください"],
        NewHeirKin => ["その人は亡くなった方の", "They were the deceased's", "その 人は 亡くなった 人の"],
        PeopleTitle => ["誰が何をするか", "Who is who", "だれが 何を するか"],
        PeopleIntro => [
            "保存されている情報から提案しています。確かめて、違っていれば直してください。",
            "Proposed from what this device already holds. Check it and correct anything that is wrong.",
            "ここに ある 情報から 選んで あります。たしかめて ください。",
        ],
        NothingMissing => ["ここで入力することはもうありません", "Nothing more is needed here", "ここで 書く ことは もう ありません"],
        WorkedOut => ["家族の情報から自動で作るもの", "Worked out from your household", "家族の 情報から 作る もの"],
        ChangeCorrect => ["間違いを直す", "Correct a mistake", "まちがいを なおす"],
        ChangeFromDate => ["ある日から変わった（前の値も記録に残します）", "It changed on a date (the old value stays in the record)", "ある 日から 変わった"],
        ChangeKind => ["どのような変更ですか", "What kind of change is it?", "どんな かわりかた ですか"],
        ChangedOn => ["変わった日", "The day it changed", "変わった 日"],
        GiveMissing => ["足りない情報を入力する", "Give what is missing", "たりない ことを 書く"],
        NothingToSend => ["まとめて出すものはありません", "There is nothing left to send or prepare", "出す ものは ありません"],
        MarkHandedOver => ["窓口で渡した", "I have handed it over", "窓口で わたした"],
        Reference => ["控え番号（この端末の番号）", "Reference (this device's own)", "ひかえの 番号（この スマホの）"],
        HandedOverOn => ["渡した日", "Handed over on", "わたした 日"],
        WhyListed => ["この手続きがある理由（あなたの答え）", "Why it is in your plan (your answers)", "この 手続きが ある わけ（あなたの こたえ）"],
        NothingToFileTitle => ["届出はいらないもの（よく聞かれること）", "Nothing to file (people often ask)", "とどけが いらない もの（よく きかれる こと）"],
        ConfirmHandedOver => ["渡したことを記録する", "Record it as handed over", "わたした ことを 記録 する"],
        NotHandedOverYet => ["まだ渡していない（記録を取り消す）", "Not handed over yet (take the record back)", "まだ わたして いない（記録を けす）"],
        HandedOverInFuture => ["渡した日は今日までの日付を入力してください", "The day you handed it over cannot be after today", "わたした 日は 今日 までの 日を 書いて ください"],
        HeirsOwnTitle => ["相続人それぞれの期限", "Each heir's own deadline", "相続人 それぞれの 期限"],
        HeirLearnedUnknown => ["亡くなったことを知った日から3か月です。知った日を入力すると、期限の日付を表示します", "3 months from the day they learned of the death: enter that day to see the date", "亡くなった ことを 知った 日から 3か月 です。知った 日を 書くと 期限の 日が 出ます"],
        CountFromThisDay => ["この日から数える", "Count from this day", "この 日から かぞえる"],
        NothingPrepared => ["まだ何も作成・送信していません。", "Nothing prepared or sent yet.", "まだ 何も 作って いません。"],
        History => ["これまでの記録", "History", "前の 記録"],
        Value => ["内容", "Value", "ないよう"],
        SiteShortName => ["ひとつ", "hitotsu", "ひとつ"],
        SiteNameRest => [" — 暮らしの手続き", " — life-event procedures", " — くらしの 手続き"],
        SettingsTitle => ["表示の設定", "Display settings", "みえかたの せってい"],
        SettingsIntro => [
            "文字の大きさ、コントラスト、明るさ、ふりがなを選べます。この端末に保存され、すぐに反映されます。",
            "Choose the text size, the contrast, light or dark, and readings over kanji. Kept on this device and applied at once.",
            "もじの 大きさ などを えらべます。すぐに かわります。",
        ],
        SettingSaved => ["設定を変えました", "Setting changed", "せっていを かえました"],
        TextSizeLegend => ["文字の大きさ", "Text size", "もじの 大きさ"],
        TextStandard => ["標準", "Standard", "ふつう"],
        TextLarge => ["大きい", "Large", "大きい"],
        TextLarger => ["とても大きい", "Larger", "とても 大きい"],
        ContrastLegend => ["コントラスト", "Contrast", "いろの こさ"],
        ContrastStandard => ["標準", "Standard", "ふつう"],
        ContrastHigh => ["高い（はっきりした色）", "High", "こい"],
        ThemeLegend => ["画面の明るさ", "Light or dark", "がめんの あかるさ"],
        ThemeSystem => ["端末の設定に合わせる", "As the device is set", "スマホに あわせる"],
        ThemeLight => ["明るい", "Light", "あかるい"],
        ThemeDark => ["暗い", "Dark", "くらい"],
        FuriganaLegend => ["漢字のふりがな", "Readings over kanji (furigana)", "かんじの ふりがな"],
        FuriganaOff => ["表示しない", "Off", "ださない"],
        FuriganaOn => ["表示する", "On", "出す"],
        ReadAloud => ["このページを読み上げる", "Read this page aloud", "この ページを 声で 読む"],
        ReadAloudPause => ["読み上げを一時停止", "Pause reading", "ちょっと とめる"],
        ReadAloudResume => ["読み上げを再開", "Resume reading", "つづきを 読む"],
        ReadAloudStop => ["読み上げを止める", "Stop reading", "読むのを やめる"],
        ReadAloudStarted => ["読み上げを始めます", "Reading the page aloud", "声で 読みます"],
        ReadAloudPaused => ["読み上げを一時停止しました", "Reading paused", "とめました"],
        NotKnownYet => [
            "まだ分からない（あとで入力するか、窓口で言います）",
            "I don't know yet (I will add it later, or at the counter)",
            "まだ わからない（あとで 書くか、まどぐちで いいます）",
        ],
        OpenFactsTitle => ["まだ分からないこと", "Not known yet", "まだ わからない こと"],
        OpenFactsIntro => [
            "ほかの手続きは先に進められます。分かったら入力してください。これを使う申請書は、それまで送れません（窓口で伝えることもできます）。",
            "The other procedures can go ahead. Add these when you know them; a form that uses one cannot be sent until then (you can also give it at the counter).",
            "ほかの 手続きは さきに すすめます。わかったら 書いて ください。まどぐちで いう ことも できます。",
        ],
        ReadAloudPrevious => ["前のまとまりへ", "Previous section", "まえの まとまり"],
        ReadAloudNext => ["次のまとまりへ", "Next section", "つぎの まとまり"],
        SpeechRateLegend => ["読み上げのはやさ", "Reading speed", "読む はやさ"],
        SpeechSlower => ["ゆっくり", "Slower", "ゆっくり"],
        SpeechNormal => ["ふつう", "Normal", "ふつう"],
        SpeechFaster => ["はやい", "Faster", "はやい"],
        ReadAloudStopped => ["読み上げを止めました", "Reading stopped", "やめました"],
        ReadAloudFinished => ["ページの最後まで読み上げました", "Finished reading the page", "さいごまで 読みました"],
        ReadAloudUnavailable => [
            "このブラウザでは読み上げが使えません",
            "This browser cannot read aloud",
            "この ブラウザでは 声で 読めません",
        ],
        AccessibilityTitle => ["アクセシビリティ", "Accessibility", "使いやすさ"],
        A11yIntro => [
            "ひとつは、目の見えにくい方、手の動かしにくい方、高齢の方、日本語に慣れていない方を含め、誰もが使えるように作っています。",
            "hitotsu is made to be used by everyone, including people who are blind or have low vision, who cannot use a mouse, older people, and people new to Japanese.",
            "ひとつは だれでも 使える ように 作って います。",
        ],
        A11yTargetTitle => ["目標", "What we aim for", "めあて"],
        A11yTarget => [
            "ウェブアクセシビリティの国際基準 WCAG 2.2 のレベルAAに適合することを目標にしています（JIS X 8341-3:2016 の AA に相当）。",
            "We aim to meet WCAG 2.2 at level AA (which includes JIS X 8341-3:2016 level AA).",
            "せかいの 決まり WCAG 2.2 の AA を めざして います。",
        ],
        A11yTestedTitle => ["確かめた方法", "How it was tested", "たしかめかた"],
        A11yTestedAxe => [
            "すべての画面を、3つの言語と各表示設定で、自動チェック（axe）にかけています。",
            "Every screen is checked automatically (axe) in all three languages and each display setting.",
            "全部の がめんを きかいで たしかめて います。",
        ],
        A11yTestedKeyboard => [
            "キーボードだけで最初から最後まで操作できることを確かめています。",
            "Every flow is used from start to end with the keyboard alone.",
            "キーボードだけで 使える ことを たしかめて います。",
        ],
        A11yTestedReader => [
            "スクリーンリーダー（Orca）で出生の手続きを日本語と英語で操作し、読み上げる内容を確かめています。",
            "A screen reader (Orca) goes through the birth flow in Japanese and in English, and what it says is checked.",
            "よみあげ ソフトで たしかめて います。",
        ],
        A11yTestedZoom => [
            "幅320ピクセル、文字200%でも、横にスクロールせずに使えることを確かめています。",
            "It works at 320 pixels wide with text at 200%, without scrolling sideways.",
            "もじを おおきく しても 使えます。",
        ],
        A11yTestedColours => [
            "強制カラー（ハイコントラスト）モードと暗い画面でも、選んだ状態が分かることを確かめています。",
            "In forced colours (high contrast) and in the dark theme, what is chosen stays visible.",
            "いろを かえても わかる ように して います。",
        ],
        A11yLimitsTitle => ["まだできていないこと", "Known limits", "まだ できて いない こと"],
        A11yLimitReadings => [
            "ふりがなは、画面の言葉と手続きの名前に付けています。入力された名前や住所には付きません。",
            "Readings are given for the interface and the procedures' names, not for names and addresses you type.",
            "あなたが 書いた 名前には ふりがなが つきません。",
        ],
        A11yLimitLanguages => [
            "言語は日本語、英語、やさしい日本語の3つです。",
            "The languages are Japanese, English and easy Japanese.",
            "ことばは 3つ です。",
        ],
        A11yLimitReadAloud => [
            "「このページを読み上げる」は、端末に入っている音声を使います。日本語の音声がない端末では、日本語を正しく読めないことがあります。",
            "\u{201c}Read this page aloud\u{201d} uses the voices installed on your device; without a Japanese voice, Japanese may not be read correctly.",
            "声で 読む ときは、スマホに 入って いる 声を 使います。",
        ],
        A11yLimitSheets => [
            "窓口用の用紙は、窓口で読めるように日本語で作ります（選んだ言語を横に添えます）。",
            "Sheets for the counter are in Japanese, for the counter, with your language beside it.",
            "窓口の かみは 日本語で 作ります。",
        ],
        A11yReportTitle => ["問題を知らせる", "Reporting a problem", "こまった ときは"],
        A11yReport => [
            "使いにくいところがあれば、このサービスを提供している市区町村の窓口にお知らせください。どの画面で何をしようとしたかを教えていただけると助かります。",
            "If something is hard to use, tell the city office that provides this service: which screen, and what you were trying to do.",
            "使いにくい ときは 役所に おしえて ください。",
        ],
        Undo => ["元に戻す", "Undo", "もとに もどす"],
        StatusClosed => ["不要になりました：", "Not needed:", "しなくて よく なりました："],
        StatusHandedOver => ["窓口で渡しました", "Handed over at the counter", "窓口で わたしました"],
        NameNotYetGiven => ["（氏名はまだ）", "(name not given yet)", "（名前は まだ）"],
        You => ["あなた", "You", "あなた"],
        MyPartMother => ["母です", "I am the mother", "ははおや です"],
        MyPartFather => ["父です", "I am the father", "ちちおや です"],
        MyPartOther => ["どちらでもありません（祖父母など）", "Neither (a grandparent, for example)", "どちらでも ない"],
        MyPartLegend => ["あなたは赤ちゃんの母ですか、父ですか", "Are you the baby's mother or father?", "あなたは あかちゃんの はは ですか、ちち ですか"],
        OtherParentFather => ["赤ちゃんの父はどなたですか", "Who is the baby's father?", "あかちゃんの ちちおやは だれ ですか"],
        OtherParentMother => ["赤ちゃんの母はどなたですか", "Who is the baby's mother?", "あかちゃんの ははおやは だれ ですか"],
        OtherParentLegend => ["赤ちゃんの父母はどなたですか", "Who are the baby's parents?", "あかちゃんの 親は だれ ですか"],
        HeadAfterMoveLegend => ["引越しの後の世帯主はどなたですか", "Who is the head of the household after the move?", "ひっこしの あとの 世帯主は だれ ですか"],
        HeadLegend => ["世帯主はどなたですか", "Who is the head of the household?", "世帯主は だれ ですか"],
        HeadAfterDeathLegend => ["これからの世帯主はどなたですか", "Who is the head of the household from now on?", "これからの 世帯主は だれ ですか"],
        InformantLegend => ["届出人はどなたですか", "Who files the notification?", "とどけを 出す 人は だれ ですか"],
        AllowanceClaimantLegend => ["児童手当を請求するのはどなたですか", "Who claims the child allowance?", "児童手当を もらう 人は だれ ですか"],
        MoversLegend => ["引越しする人を選んでください", "Who moves?", "ひっこす 人を 選んで ください"],
        LivedWithLegend => ["亡くなった方はあなたと同じ世帯でしたか", "Did the person live in your household?", "亡くなった 人は いっしょに 住んで いましたか"],
        DeceasedKinLegend => ["亡くなった方は、あなたから見てどなたですか", "Who was the person who died, to you?", "亡くなった 人は あなたの だれ ですか"],
        SurvivingSpouseLegend => ["亡くなった方の配偶者（夫または妻）はご存命ですか", "Is the husband or wife of the person who died alive?", "亡くなった 人の 妻・おっとは いきて いますか"],
        HeirsLegend => ["相続人（財産を受け継ぐ人）を選んでください", "Who are the heirs?", "相続 する 人を 選んで ください"],
        HelperLegend => ["窓口に行くのはどなたですか", "Who goes to the offices?", "まどぐちに 行くのは だれ ですか"],
        HelperHint => ["ご家族などが代わりに行くときは、その人を選んでください。申請書にその人が代理人として載り、委任状とその人の本人確認書類が必要になります", "If a relative or someone else goes in your place, choose them: they are named as your representative on the forms, and they bring your letter of authorisation and their own ID", "ほかの 人が かわりに 行く ときは、その 人を えらんで ください。いにんじょうが いります"],
        FuneralHostLegend => ["喪主（葬儀を行った人）はどなたですか", "Who held the funeral (the 喪主)?", "おそうしきを した 人は だれ ですか"],
        ChooseAnHeir => ["相続人を1人以上選んでください", "Choose at least one heir", "1人 いじょう 選んで ください"],
        ChooseWhoMoves => ["引越しする人を1人以上選んでください", "Choose at least one person who moves", "1人 いじょう 選んで ください"],
        AboutSomeone => ["ほかの人について", "About someone else", "他の 人の こと"],
    };
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
        Lang::Easy => easy,
    }
}

/// "質問 2 / 5", "Question 2 of 5".
/// Where the citizen is among the questions. No total: which questions are asked depends
/// on the answers, so a total would change under her (「7 / 14」 then 「8 / 15」).
pub fn question_progress(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("質問 {n}"),
        Lang::En => format!("Question {n}"),
        Lang::Easy => format!("しつもん {n}"),
    }
}

pub fn number_out_of_range(lang: Lang, min: f64, max: f64) -> String {
    match lang {
        Lang::Ja => format!("{min}から{max}までの数字を入力してください"),
        Lang::En => format!("Enter a number from {min} to {max}"),
        Lang::Easy => format!("{min}から {max}までの すうじを 書いて ください"),
    }
}

pub fn date_before(lang: Lang, other: &str) -> String {
    match lang {
        Lang::Ja => format!("{other}と同じ日か、それより後の日付を入力してください"),
        Lang::En => format!("The date must be on or after {other}"),
        Lang::Easy => format!("{other}と 同じ 日 か、それより あとの 日を 書いて ください"),
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
        (Lang::Easy, d) if d > 0 => format!("あと {d}日"),
        (Lang::Ja, d) => format!("{}日過ぎています", -d),
        (Lang::En, -1) => "1 day overdue".into(),
        (Lang::En, d) => format!("{} days overdue", -d),
        (Lang::Easy, d) => format!("{}日 すぎて います", -d),
    }
}

pub fn done_status(lang: Lang, title: &str, done: bool) -> String {
    match (lang, done) {
        (Lang::Ja, true) => format!("「{title}」を済みにしました"),
        (Lang::Ja, false) => format!("「{title}」を未完了に戻しました"),
        (Lang::En, true) => format!("Marked as done: {title}"),
        (Lang::En, false) => format!("Marked as not done: {title}"),
        (Lang::Easy, true) => format!("「{title}」を 終わった に しました"),
        (Lang::Easy, false) => format!("「{title}」を まだ に もどしました"),
    }
}

/// Stored data was partly damaged: what was left out.
/// What an import file holds, what it replaces and what it will send: said before anything
/// is replaced.
pub fn import_summary(
    lang: Lang,
    file_cases: usize,
    file_people: usize,
    now_cases: usize,
) -> String {
    match lang {
        Lang::Ja => format!("ファイルの内容：出来事{file_cases}件、{file_people}人。この端末の出来事{now_cases}件は置き換わります。"),
        Lang::En => format!("The file holds {file_cases} events and {file_people} people. The {now_cases} events on this device will be replaced."),
        Lang::Easy => format!("ファイルには できごとが {file_cases}こ、人が {file_people}人 あります。今の できごと {now_cases}こは なくなります。"),
    }
}

pub fn import_drops_waiting(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("この端末で送信を待っている書類{n}件は、送られなくなります。"),
        Lang::En => format!("{n} packets waiting to be sent from this device will not be sent."),
        Lang::Easy => format!("今 おくる ことに なって いる しょるい {n}こは、おくられません。"),
    }
}

pub fn import_sends(lang: Lang, recipients: &str) -> String {
    match lang {
        Lang::Ja => format!("このファイルには送信待ちの書類があります。読み込むと、次の提出先に送られます：{recipients}"),
        Lang::En => format!("This file carries packets waiting to be sent. Importing it sends them to: {recipients}"),
        Lang::Easy => format!("この ファイルには おくる ことに なって いる しょるいが あります。よみこむと おくります：{recipients}"),
    }
}

/// Saved data whose values do not hold together: loaded, kept aside, and what is wrong.
pub fn stored_invalid(lang: Lang, e: &crate::integrity::Invalid) -> String {
    let (ja, en, easy) = invalid_reason(e);
    match lang {
        Lang::Ja => format!("保存されていたデータに誤りがあります：{ja}。そのまま読み込み、元のデータは別に保管してあります。内容を確かめてください。"),
        Lang::En => format!("Your saved data has a problem: {en}. It was loaded as it is and the original kept aside. Please check it."),
        Lang::Easy => format!("ほぞん した データに まちがいが あります：{easy}。もとの データは とって あります。たしかめて ください。"),
    }
}

/// Why an import file (or the copy kept aside) was refused; nothing was changed.
pub fn import_error(lang: Lang, e: &crate::state::ImportError) -> String {
    use crate::state::ImportError::*;
    match e {
        TooLarge => t(lang, Msg::ImportTooLarge).into(),
        NotOurs => t(lang, Msg::ImportNotOurs).into(),
        Newer(_) => t(lang, Msg::ImportNewer).into(),
        Damaged(_) => t(lang, Msg::ImportDamaged).into(),
        Invalid(e) => import_invalid(lang, e),
    }
}

/// Why an import file's values were refused, naming what is wrong as written in it.
pub fn import_invalid(lang: Lang, e: &crate::integrity::Invalid) -> String {
    let (ja, en, easy) = invalid_reason(e);
    match lang {
        Lang::Ja => {
            format!("ファイルの内容に誤りがあるため読み込めません：{ja}。何も変更していません")
        }
        Lang::En => format!("This file cannot be imported: {en}. Nothing was changed"),
        Lang::Easy => format!("この ファイルは よみこめません：{easy}。なにも かえて いません"),
    }
}

/// What is wrong with a state's values, in the three languages.
fn invalid_reason(e: &crate::integrity::Invalid) -> (String, String, String) {
    use crate::integrity::Invalid::*;
    match e {
        DateOutOfRange(d) => (
            format!("ありえない日付があります（{d}）"),
            format!("it holds a date no record can have ({d})"),
            format!("ありえない 日が あります（{d}）"),
        ),
        DuplicateId(id) => (
            format!("同じ番号が2回使われています（{id}）"),
            format!("one id is used twice ({id})"),
            format!("おなじ ばんごうが 2かい あります（{id}）"),
        ),
        UnknownPerson(id) | UnknownPacket(id) => (
            format!("ファイルにない人や書類を指しています（{id}）"),
            format!("it refers to a person or packet it does not hold ({id})"),
            format!("ファイルに ない ものを さして います（{id}）"),
        ),
        Counter(c) => (
            format!("番号の数え方が合っていません（{c}）"),
            format!("its counters are behind its ids ({c})"),
            format!("ばんごうが あって いません（{c}）"),
        ),
        BadNumber(id) => (
            format!("送信の記録に数ではない値があります（{id}）"),
            format!("a sending record holds a value that is not a time ({id})"),
            format!("おくった きろくが へん です（{id}）"),
        ),
        HistoryOrder(what) => (
            format!("同じ日付から始まる値が2つあります（{what}）"),
            format!("two values start on the same date ({what})"),
            format!("おなじ 日から はじまる ものが 2つ あります（{what}）"),
        ),
        TooManyPeople(n) => (
            format!("人数が多すぎます（{n}人）"),
            format!("it holds more people than a household has ({n})"),
            format!("人が おおすぎます（{n}人）"),
        ),
    }
}

pub fn parts_lost(lang: Lang, parts: &[String]) -> String {
    let list = parts.join(", ");
    match lang {
        Lang::Ja => format!("保存されていたデータの一部（{list}）が壊れていたため読み込めませんでした。それ以外はすべて読み込みました。壊れた部分は消さずに別に保管してあります。"),
        Lang::En => format!("Part of your saved data ({list}) was damaged and could not be read. Everything else was loaded. The damaged data has been kept aside, not deleted."),
        Lang::Easy => format!("データの いちぶ（{list}）が こわれて いて 読めません でした。ほかは 全部 読めました。"),
    }
}

/// What a counter code carries, in numbers, so the citizen knows what they show.
/// Which of several codes is shown ("code 2 of 3"): the picture's name and its caption.
pub fn handoff_part(lang: Lang, n: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("窓口用のQRコード（{total}つのうち{n}つ目）"),
        Lang::En => format!("QR code for the counter ({n} of {total})"),
        Lang::Easy => format!("まどぐちよう QRコード（{total}この うち {n}こめ）"),
    }
}

/// Why several codes: each must be read, in any order.
pub fn handoff_parts_intro(lang: Lang, total: usize) -> String {
    match lang {
        Lang::Ja => format!("情報が多いので、{total}つのコードに分けています。窓口で全部を読み取ってもらってください（順番は自由です）。「次のコード」で切り替えます。"),
        Lang::En => format!("There is a lot to carry, so it is split into {total} codes. Let the counter read all of them, in any order: \"Next code\" shows the next."),
        Lang::Easy => format!("じょうほうが おおいので、{total}この コードに わけて います。ぜんぶ よみとって もらって ください。"),
    }
}

/// What the code holds, said plainly: the answers, how many people, and each kind of
/// value it carries of them (`labels`, in the citizen's language).
pub fn handoff_contents(lang: Lang, answers: usize, people: usize, labels: &[String]) -> String {
    let list = labels.join(match lang {
        Lang::En => ", ",
        _ => "、",
    });
    match lang {
        Lang::Ja => format!("このコードに入っているもの：質問への答え{answers}件と、{people}人の次の情報です。{list}。"),
        Lang::En => format!("What the code holds: your {answers} answers, and for {people} people: {list}."),
        Lang::Easy => format!("コードの なかみ：しつもんの こたえ {answers}こ と、{people}人の つぎの じょうほう です。{list}。"),
    }
}

/// The counter's own strings (src/counter): apart from `Msg`, so the citizen's wasm, which
/// never calls `ct`, carries none of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CounterMsg {
    CounterKeysTitle,
    CounterKeyHome,
    CounterKeyPlan,
    CounterKeyCheck,
    CounterKeyCitizen,
    HandoffNotOurs,
    HandoffTooLong,
    HandoffDamaged,
    HandoffNewer,
    HandoffInvalid,
    HandoffUnknownEvent,
    CounterTitle,
    CounterIntro,
    CounterCitizenName,
    CounterCitizenNameHint,
    CounterCitizenNameEmpty,
    CounterStart,
    CounterReadTitle,
    CounterReadPhoto,
    CounterReadPhotoHint,
    CounterReadButton,
    CounterNoPhoto,
    CounterNoCode,
    CounterCamera,
    CounterCameraStop,
    CounterCameraRefused,
    CounterEnd,
    CounterEnded,
    CounterBannerLabel,
    CounterMoreTime,
    CounterLeave,
    CounterOpenCitizen,
    CounterConfirmations,
    CounterSectionConfirmed,
    CounterSectionOpen,
    CitizenTitle,
    CitizenWaiting,
    CitizenAnswers,
    CitizenConfirm,
    CitizenConfirmed,
    CitizenChanged,
    CitizenTyping,
    CitizenShowNumber,
    CitizenHideNumber,
    CounterNotHereTitle,
    CounterNotHereBody,
    CounterEndFirst,
    CounterEndTitle,
    CounterEndIntro,
    CounterEndRetry,
    CounterEndPrint,
    CounterEndDiscard,
    CounterEndDiscardConfirm,
    CounterEndKeep,
    CounterEndNow,
    CounterEndBack,
    CounterEndNothingWaits,
    CounterReadTimedOut,
}

pub fn ct(lang: Lang, msg: CounterMsg) -> &'static str {
    use CounterMsg::*;
    let [ja, en, easy] = match msg {
        CounterKeysTitle => ["キーボード操作（受付中）", "Keyboard shortcuts (during a session)", "キーボードの つかいかた"],
        CounterKeyHome => ["出来事を選ぶ", "Choose a life event", "できごとを えらぶ"],
        CounterKeyPlan => ["手続きの一覧", "The plan", "手続きの リスト"],
        CounterKeyCheck => ["入力内容の確認", "Check the answers", "こたえの かくにん"],
        CounterKeyCitizen => ["お客様用の画面を開く", "Open the citizen's screen", "おきゃくさまの 画面を ひらく"],
        HandoffNotOurs => ["ひとつの窓口用コードではありません", "This is not a hitotsu counter code", "ひとつの コードでは ありません"],
        HandoffTooLong => ["コードが長すぎます。ひとつの窓口用コードではありません", "The code is too long to be a hitotsu counter code", "コードが ながすぎます"],
        HandoffDamaged => [
            "コードの一部が読み取れないか、変わっています。画面を明るくして、もう一度読み取ってください。何も読み込んでいません",
            "Part of the code could not be read or was changed. Turn the phone's screen brighter and scan again. Nothing was loaded",
            "コードが ちゃんと よめません。もう いちど よみとって ください",
        ],
        HandoffNewer => [
            "新しい版のひとつで作られたコードです。この端末のひとつを更新してください。何も読み込んでいません",
            "The code was made by a newer version of hitotsu. Update hitotsu on this device. Nothing was loaded",
            "あたらしい ひとつの コードです。この ひとつを あたらしく して ください",
        ],
        HandoffInvalid => [
            "コードの中身が正しくありません。何も読み込んでいません",
            "The code's content is not valid. Nothing was loaded",
            "コードの なかみが ただしく ありません",
        ],
        HandoffUnknownEvent => [
            "この窓口で扱っていない出来事のコードです。何も読み込んでいません",
            "The code is for a life event this counter does not handle. Nothing was loaded",
            "この まどぐちでは あつかわない コードです",
        ],
        CounterTitle => ["窓口の受付", "Counter", "まどぐちの うけつけ"],
        CounterIntro => [
            "お客様一人ごとに受付を始めます。終えるときは「受付を終える」を押してください。この端末からその方の情報がすべて消えます。",
            "Start a session for each citizen. When you are done, press \"End the session\": everything of that citizen is removed from this device.",
            "ひとりずつ うけつけを はじめます。おわったら「うけつけを おわる」を おして ください。その 人の じょうほうは ぜんぶ きえます。",
        ],
        CounterCitizenName => ["お客様の氏名", "The citizen's name", "おきゃくさまの なまえ"],
        CounterCitizenNameHint => [
            "スマートフォンのコードを読み取るときは不要です（コードの氏名を使います）",
            "Not needed when you read the code from their phone (its name is used)",
            "コードを よみとる ときは いりません",
        ],
        CounterCitizenNameEmpty => ["お客様の氏名を入力してください", "Enter the citizen's name", "なまえを 書いて ください"],
        CounterStart => ["この方の受付を始める", "Start the session", "うけつけを はじめる"],
        CounterReadTitle => ["スマートフォンのコードを読み取る", "Read the code from the citizen's phone", "スマホの コードを よみとる"],
        CounterReadPhoto => ["コードの写真", "A photo of the code", "コードの しゃしん"],
        CounterReadPhotoHint => [
            "お客様のスマートフォンに出ているコードを撮った写真を選んでください",
            "Choose a photo of the code on the citizen's phone",
            "スマホの コードを とった しゃしんを えらんで ください",
        ],
        CounterReadButton => ["写真から読み取る", "Read the photo", "しゃしんから よみとる"],
        CounterNoPhoto => ["写真を選んでください", "Choose a photo", "しゃしんを えらんで ください"],
        CounterNoCode => [
            "写真の中にコードが見つかりません。コード全体が写るように、明るい場所で撮り直してください",
            "No code was found in the photo. Take it again in good light with the whole code in the picture",
            "しゃしんの なかに コードが ありません。もう いちど とって ください",
        ],
        CounterCamera => ["カメラで読み取る", "Scan with the camera", "カメラで よみとる"],
        CounterCameraStop => ["カメラを止める", "Stop the camera", "カメラを とめる"],
        CounterCameraRefused => [
            "カメラを使えません。写真から読み取ってください",
            "The camera cannot be used. Read a photo instead",
            "カメラが つかえません。しゃしんから よみとって ください",
        ],
        CounterEnd => ["受付を終える", "End the session", "うけつけを おわる"],
        CounterEnded => [
            "受付を終えました。前のお客様の情報は、この端末に残っていません。",
            "The session has ended. Nothing of the last citizen is left on this device.",
            "うけつけを おわりました。まえの 人の じょうほうは のこって いません。",
        ],
        CounterBannerLabel => ["受付中のお客様", "Citizen being served", "いま うけつけ して いる 人"],
        CounterMoreTime => ["受付を続ける", "Keep the session open", "うけつけを つづける"],
        CounterLeave => ["この端末を窓口用から戻す", "Stop using this device as a counter", "この たんまつを まどぐちようから もどす"],
        CounterOpenCitizen => ["お客様用の画面を開く", "Open the citizen's screen", "おきゃくさまの 画面を ひらく"],
        CounterConfirmations => ["お客様の確認", "Checked by the citizen", "おきゃくさまの かくにん"],
        CounterSectionConfirmed => ["確認済み", "confirmed", "かくにん ずみ"],
        CounterSectionOpen => ["未確認", "not yet confirmed", "まだ かくにん して いない"],
        CitizenTitle => ["入力内容のご確認", "Please check what is filled in", "かいた ことを かくにん して ください"],
        CitizenWaiting => ["まもなく始まります。少しお待ちください。", "Your session will start shortly. Please wait.", "もう すこし まって ください。"],
        CitizenAnswers => ["ご回答", "Your answers", "あなたの こたえ"],
        CitizenConfirm => ["この内容で合っています", "This is correct", "これで あって います"],
        CitizenConfirmed => ["確認しました", "Confirmed", "かくにん しました"],
        CitizenChanged => [
            "確認の後で内容が変わりました。もう一度ご確認ください。",
            "This changed after you confirmed it. Please check it again.",
            "かわりました。もう いちど かくにん して ください。",
        ],
        CitizenTyping => ["入力中", "being typed", "いま かいて います"],
        CitizenShowNumber => ["番号を表示する", "Show the number", "ばんごうを みる"],
        CitizenHideNumber => ["番号を隠す", "Hide the number", "ばんごうを かくす"],
        CounterNotHereTitle => ["窓口では使えません", "Not available at the counter", "まどぐちでは つかえません"],
        CounterNotHereBody => [
            "書き出し・読み込み、わたしの情報、提供の記録、お知らせの設定は、お客様ご自身のスマートフォンでお使いいただけます。窓口の端末には、お客様の情報を残しません。",
            "Export and import, my information, what was shared and notice settings are on the citizen's own phone. A counter device keeps nothing of a citizen.",
            "これは じぶんの スマホで つかって ください。まどぐちの たんまつには なにも のこしません。",
        ],
        CounterEndFirst => [
            "受付中です。別の方のコードを読み取る前に、今の受付を終えてください。",
            "A session is open. End it before reading another citizen's code.",
            "いま うけつけ ちゅう です。さきに おわって ください。",
        ],
        CounterEndTitle => ["送信待ちの申請があります", "Packets are still waiting to be sent", "まだ おくって いない もうしこみが あります"],
        CounterEndIntro => [
            "お客様が同意した次の申請は、まだ提出先に届いていません。受付を終える前に、それぞれどうするか選んでください。",
            "The citizen consented to these packets and their recipients do not have them yet. Before the session ends, choose what happens to each.",
            "おくると きめた もうしこみが、まだ とどいて いません。どう するか えらんで ください。",
        ],
        CounterEndRetry => ["今すぐ送り直す", "Try again now", "いま おくりなおす"],
        CounterEndPrint => ["用紙を印刷してお渡しする", "Print the sheets for the citizen to take", "かみに して わたす"],
        CounterEndDiscard => ["送らずに取り消す", "Discard without sending", "おくらずに とりけす"],
        CounterEndDiscardConfirm => ["はい、この申請を取り消します", "Yes, discard this packet", "はい、とりけします"],
        CounterEndKeep => [
            "この端末から送り続ける（受付の後も、届くまで自動で再送します）",
            "Keep sending from this device (after the session too, until it arrives)",
            "この たんまつから おくりつづける",
        ],
        CounterEndNow => ["受付を終える", "End the session", "うけつけを おわる"],
        CounterEndBack => ["受付に戻る", "Back to the session", "うけつけに もどる"],
        CounterEndNothingWaits => ["送信待ちの申請はありません。", "Nothing is waiting to be sent.", "まって いる ものは ありません。"],
        CounterReadTimedOut => [
            "コードを読み取れませんでした。スマートフォンをもう少し近づけて、まっすぐ写してください。",
            "The code could not be read: hold the phone a little closer and straight, then try again.",
            "よみとれません でした。スマホを ちかづけて、まっすぐ うつして ください。",
        ],
    };
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
        Lang::Easy => easy,
    }
}

/// The heading of one person's (or the household's, or the case's) values, as "check
/// your answers" and the counter's citizen screen show it; None: what is worked out.
pub fn section_heading(
    lang: Lang,
    vault: &crate::vault::Vault,
    owner: Option<&str>,
    role: Option<Role>,
    today: Date,
) -> String {
    let Some(o) = owner else {
        return t(lang, Msg::WorkedOut).into();
    };
    let is_person = vault.person(o).is_some();
    let kin = (is_person && o != crate::vault::ME).then(|| {
        (
            crate::household::kin(vault, o, crate::vault::ME),
            crate::household::sex(vault, o),
        )
    });
    let name = vault.name_at(o, today).map(crate::ruby::user);
    owner_heading(lang, o, name.as_deref(), role, kin, is_person)
}

/// An answer as the citizen reads it: a choice by its label, a date written out, a
/// number with its unit.
pub fn answer_display(q: &crate::catalog::Question, value: &str, lang: Lang) -> String {
    use crate::catalog::QuestionKind;
    if let Some(o) = q.options.iter().find(|o| o.id == value) {
        return o.label.get(lang).to_string();
    }
    match q.kind {
        QuestionKind::YesNo if value == "yes" => t(lang, Msg::Yes).into(),
        QuestionKind::YesNo if value == "no" => t(lang, Msg::No).into(),
        QuestionKind::Date => {
            crate::iso_date::parse(value).map_or_else(|| value.to_string(), |d| short_date(d, lang))
        }
        QuestionKind::Number => match &q.unit {
            Some(u) => format!("{value} {}", u.get(lang)),
            None => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// The banner of a counter session: for whom, and how long it has been open.
pub fn session_banner(lang: Lang, citizen: &str, minutes: u32) -> String {
    match lang {
        Lang::Ja => format!("対応中: {citizen} 様（{minutes}分経過）"),
        Lang::En => format!("Serving: {citizen} (open {minutes} min)"),
        Lang::Easy => format!("いま たいおう して いる 人: {citizen} さま（{minutes}分）"),
    }
}

/// How much of the citizen screen the citizen has confirmed.
pub fn confirmed_count(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("{total}区分のうち{done}区分を確認済み"),
        Lang::En => format!("{done} of {total} sections confirmed"),
        Lang::Easy => format!("{total}この うち {done}こ かくにん ずみ"),
    }
}

/// What a counter device keeps beyond its sessions, for staff: how many packets wait for
/// their recipients, and how many a recipient refused (never what is in them).
pub fn device_outbox(lang: Lang, waiting: usize, refused: usize) -> String {
    let mut out = match lang {
        Lang::Ja => format!("この端末から送信待ちの申請: {waiting}件（届くまで自動で再送します）"),
        Lang::En => format!(
            "Packets waiting to be sent from this device: {waiting} (retried until they arrive)"
        ),
        Lang::Easy => format!("この たんまつから おくる まちの もうしこみ: {waiting}こ"),
    };
    if refused > 0 {
        out.push_str(&match lang {
            Lang::Ja => format!("。提出先が受け付けなかった申請: {refused}件"),
            Lang::En => format!(". Refused by the recipient: {refused}"),
            Lang::Easy => format!("。うけつけて もらえなかった もの: {refused}こ"),
        });
    }
    out
}

/// A code shown as several parts: how many are read, and that the rest are still to come.
pub fn parts_read(lang: Lang, have: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("{total}つのコードのうち{have}つを読み取りました。残りのコードも読み取ってください（順番は問いません）。"),
        Lang::En => format!("{have} of {total} codes read. Read the others too, in any order."),
        Lang::Easy => format!("{total}この コードの うち {have}こ よみとりました。のこりも よみとって ください。"),
    }
}

/// Asked before a packet is discarded at the end of a session: which one, for whom.
pub fn discard_packet(lang: Lang, recipient: &str, procedures: &str) -> String {
    match lang {
        Lang::Ja => format!("「{recipient}」宛ての申請（{procedures}）を送らずに取り消しますか。取り消すと、この申請は提出先に届きません。"),
        Lang::En => format!("Discard the packet for {recipient} ({procedures}) without sending it? The recipient will then never receive it."),
        Lang::Easy => format!("「{recipient}」への もうしこみ（{procedures}）を とりけしますか。とどかなく なります。"),
    }
}

/// The warning before a quiet counter session ends by itself.
pub fn idle_warning(lang: Lang, seconds: u32) -> String {
    match lang {
        Lang::Ja => format!("操作がないため、あと{seconds}秒で受付を終え、この方の情報を消します。"),
        Lang::En => format!("Nothing has been done for a while: in {seconds} seconds the session ends and this citizen's details are removed."),
        Lang::Easy => format!("しばらく つかって いないので、あと {seconds}びょうで うけつけを おわります。"),
    }
}

/// Why a counter code was refused, naming what is wrong; nothing of it was loaded.
/// Why the phone cannot make a code the counter would read, for the citizen: a value a
/// form would refuse is named with the form's own words; anything else is said plainly.
/// (Not `handoff_error`: its words are the counter's, and the phone carries none of them.)
pub fn handoff_refused(lang: Lang, e: &crate::handoff::HandoffError) -> Option<String> {
    match e {
        crate::handoff::HandoffError::BadValue { what, why } => {
            Some(field_error(lang, *why, what.get(lang)))
        }
        _ => None,
    }
}

pub fn handoff_error(lang: Lang, e: &crate::handoff::HandoffError) -> String {
    use crate::handoff::HandoffError::*;
    match e {
        NotOurs => ct(lang, CounterMsg::HandoffNotOurs).into(),
        TooLong => ct(lang, CounterMsg::HandoffTooLong).into(),
        Damaged => ct(lang, CounterMsg::HandoffDamaged).into(),
        UnknownVersion(v) => format!("{}（{v}）", ct(lang, CounterMsg::HandoffNewer)),
        Invalid(what) => format!("{}（{what}）", ct(lang, CounterMsg::HandoffInvalid)),
        UnknownEvent(id) => format!("{}（{id}）", ct(lang, CounterMsg::HandoffUnknownEvent)),
        BadValue { what, why } => {
            let label = what.get(lang);
            format!(
                "{}（{}）",
                ct(lang, CounterMsg::HandoffInvalid),
                field_error(lang, *why, label)
            )
        }
        BadAnswer(q) => format!("{}（{q}）", ct(lang, CounterMsg::HandoffInvalid)),
        TooManyPeople(n) => format!("{}（{n}）", ct(lang, CounterMsg::HandoffInvalid)),
    }
}

pub fn plan_summary(lang: Lang, total: usize, done: usize) -> String {
    match lang {
        Lang::Ja => format!("手続きは{total}件、そのうち{done}件が済みです。"),
        Lang::En => format!("{total} procedures, {done} done."),
        Lang::Easy => format!("手続きは {total}こ です。{done}こ 終わりました。"),
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
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let w = weekday_index(d.weekday());
    match lang {
        Lang::Ja => format!("{}年{}月{}日（{}）", d.year(), d.month(), d.day(), JA[w]),
        Lang::En => format!(
            "{} {} {} {}",
            EN[w],
            d.day(),
            MONTHS[d.month() as usize - 1],
            d.year()
        ),
        Lang::Easy => format!(
            "{}年 {}月 {}日（{}）",
            d.year(),
            d.month(),
            d.day(),
            EASY[w]
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_refusal_is_said_in_each_language_with_what_is_wrong() {
        let e = crate::state::ImportError::Invalid(crate::integrity::Invalid::DateOutOfRange(
            "9999-12-31".into(),
        ));
        for lang in [Lang::Ja, Lang::En, Lang::Easy] {
            assert!(import_error(lang, &e).contains("9999-12-31"), "{lang:?}");
        }
        assert_eq!(
            import_error(Lang::En, &crate::state::ImportError::TooLarge),
            t(Lang::En, Msg::ImportTooLarge)
        );
    }

    use jiff::civil::date;

    #[test]
    fn dates_carry_their_weekday() {
        assert_eq!(
            format_date(date(2026, 4, 30), Lang::Ja),
            "2026年4月30日（木）"
        );
        assert_eq!(
            format_date(date(2026, 4, 30), Lang::En),
            "Thu 30 April 2026"
        );
        assert_eq!(
            format_date(date(2026, 4, 30), Lang::Easy),
            "2026年 4月 30日（もく）"
        );
    }

    #[test]
    fn days_left_reads_naturally() {
        assert_eq!(days_left(Lang::En, 1), "1 day left");
        assert_eq!(days_left(Lang::En, -3), "3 days overdue");
        assert_eq!(days_left(Lang::Ja, 0), "今日が期限");
    }
}

/// Where a fact came from: "From: A birth, 20 April 2026".
pub fn provenance(lang: Lang, event_title: &str, date: Date, how: crate::vault::How) -> String {
    use crate::vault::How;
    let date = short_date(date, lang);
    match (lang, how) {
        (Lang::Ja, How::Typed) => format!("{event_title}の手続きで入力（{date}）"),
        (Lang::Ja, How::Confirmed) => format!("{event_title}の手続きで確認（{date}）"),
        (Lang::Ja, How::Derived) => format!("{event_title}の手続きから（{date}）"),
        (Lang::En, How::Typed) => format!("From: {event_title}, {date}"),
        (Lang::En, How::Confirmed) => format!("Confirmed: {event_title}, {date}"),
        (Lang::En, How::Derived) => format!("Follows from: {event_title}, {date}"),
        (Lang::Easy, How::Typed) => format!("{event_title}の 手続きで 書いた（{date}）"),
        (Lang::Easy, How::Confirmed) => format!("{event_title}の 手続きで たしかめた（{date}）"),
        (Lang::Easy, How::Derived) => format!("{event_title}の 手続きから（{date}）"),
    }
}

pub fn last_used(lang: Lang, date: Date) -> String {
    let date = short_date(date, lang);
    match lang {
        Lang::Ja => format!("最後に使用：{date}"),
        Lang::En => format!("Last used: {date}"),
        Lang::Easy => format!("さいごに 使った 日：{date}"),
    }
}

pub fn restored_fact(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Ja => format!("「{label}」を元に戻しました"),
        Lang::En => format!("Put back: {label}"),
        Lang::Easy => format!("「{label}」を もとに もどしました"),
    }
}

pub fn deleted_fact(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Ja => format!("「{label}」を削除しました"),
        Lang::En => format!("Deleted: {label}"),
        Lang::Easy => format!("「{label}」を けしました"),
    }
}

/// A 続柄: how someone is related to another, as each language says it (the sex makes
/// 父 or 母 where it is known).
pub fn kin_word(lang: Lang, kin: Kin, sex: Option<Sex>) -> String {
    use Sex::*;
    let by_sex = |m: [&'static str; 3], f: [&'static str; 3], n: [&'static str; 3]| match sex {
        Some(Male) => m,
        Some(Female) => f,
        None => n,
    };
    let [ja, en, easy] = match kin {
        Kin::Myself => ["本人", "self", "本人"],
        Kin::Spouse => by_sex(
            ["夫", "husband", "おっと"],
            ["妻", "wife", "つま"],
            ["配偶者", "spouse", "はいぐうしゃ"],
        ),
        Kin::Child => by_sex(
            ["子", "son", "こども"],
            ["子", "daughter", "こども"],
            ["子", "child", "こども"],
        ),
        Kin::Parent => by_sex(
            ["父", "father", "ちち"],
            ["母", "mother", "はは"],
            ["親", "parent", "おや"],
        ),
        Kin::Grandchild => ["孫", "grandchild", "まご"],
        Kin::Grandparent => by_sex(
            ["祖父", "grandfather", "そふ"],
            ["祖母", "grandmother", "そぼ"],
            ["祖父母", "grandparent", "そふぼ"],
        ),
        Kin::Sibling => by_sex(
            ["兄弟", "brother", "きょうだい"],
            ["姉妹", "sister", "しまい"],
            ["兄弟姉妹", "brother or sister", "きょうだい"],
        ),
        Kin::ParentInLaw => by_sex(
            ["義父", "father-in-law", "ぎりの ちち"],
            ["義母", "mother-in-law", "ぎりの はは"],
            ["配偶者の親", "parent-in-law", "はいぐうしゃの おや"],
        ),
        Kin::ChildInLaw => ["子の配偶者", "child's spouse", "子どもの はいぐうしゃ"],
        Kin::Other => ["その他", "other", "その ほか"],
    };
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
        Lang::Easy => easy,
    }
    .to_string()
}

/// A date without its weekday: "2026年4月20日", "20 April 2026".
pub fn short_date(d: Date, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Ja => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            MONTHS[d.month() as usize - 1],
            d.year()
        ),
        Lang::Easy => format!("{}年 {}月 {}日", d.year(), d.month(), d.day()),
    }
}

/// How a list is joined in a sentence.
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        _ => "、",
    }
}

/// A remark in brackets, as each language writes it.
pub fn bracketed(lang: Lang, s: &str) -> String {
    match lang {
        Lang::En => format!(" ({s})"),
        _ => format!("（{s}）"),
    }
}

pub fn yes_no_options(lang: Lang) -> [(&'static str, &'static str); 2] {
    [("yes", t(lang, Msg::Yes)), ("no", t(lang, Msg::No))]
}

/// A case on the home page: " — started 20 April 2026 — Plan ready".
pub fn case_line(lang: Lang, started: Date, status: &str) -> String {
    format!(
        " — {}: {} — {status}",
        t(lang, Msg::Started),
        short_date(started, lang)
    )
}

pub fn is_this_you(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => format!("この端末の情報は「{name}」さんのものです。あなたですか"),
        Lang::En => format!("The details on this device are for {name}. Is that you?"),
        Lang::Easy => {
            format!("この スマホの 情報は「{name}」さんの もの です。あなた ですか")
        }
    }
}

/// A page's title as the browser keeps it (its history, its saved sessions, on disk):
/// every name of the household replaced by a placeholder, so a shared device's history
/// names nobody. The heading on the page itself still says whom it is about.
pub fn title_without_names(lang: Lang, title: &str, names: &[String]) -> String {
    let placeholder = match lang {
        Lang::Ja | Lang::Easy => "（氏名）",
        Lang::En => "(name)",
    };
    names
        .iter()
        .fold(title.to_string(), |t, n| t.replace(n.as_str(), placeholder))
}

/// Storage refused a write after a recipient had answered: what they received is said,
/// with its receipt, and that this device has not recorded it yet.
pub fn save_failed_after_delivery(lang: Lang, receipts: &[String]) -> String {
    let list = receipts.join(", ");
    match lang {
        Lang::Ja => format!("提出先は受け付けました（受付番号 {list}）。ただし、この端末に記録できませんでした（保存できる容量がいっぱいか、保存が許可されていません）。容量が空くと自動で記録します。二重に送ることはありません。"),
        Lang::En => format!("The recipient has received it (receipt {list}), but this device could not record that (its storage is full or saving is not allowed). It is recorded by itself once there is room; nothing is sent twice."),
        Lang::Easy => format!("あいては うけとりました（ばんごう {list}）。でも この たんまつに きろく できません でした。あとで きろく します。2かい おくる ことは ありません。"),
    }
}

/// How the chooser names a locked file: by its place among the locked files, never by
/// anything inside it.
pub fn locked_file(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("鍵のかかったファイル {n}"),
        Lang::En => format!("Locked file {n}"),
        Lang::Easy => format!("かぎの かかった ファイル {n}"),
    }
}

/// What deleting a file takes with it, said before it is done.
pub fn file_delete_body(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Ja => format!("「{label}」の手続き・情報・用紙・送信の記録・お知らせが、この端末からすべて消えます。元に戻せません。"),
        Lang::En => format!("Every event, fact, sheet, record of sending and notice in “{label}” is deleted from this device. It cannot be undone."),
        Lang::Easy => format!("「{label}」の 中みが 全部 きえます。もとに もどせません。"),
    }
}

/// How many life events a file holds, on the chooser.
pub fn file_events(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("手続き中のできごと {n}件"),
        Lang::En if n == 1 => "1 life event".to_string(),
        Lang::En => format!("{n} life events"),
        Lang::Easy => format!("できごと {n}こ"),
    }
}

pub fn yes_it_is(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => format!("はい、{name}です"),
        Lang::En => format!("Yes, I am {name}"),
        Lang::Easy => format!("はい、{name}です"),
    }
}

/// An answer already known from the vault, shown for confirmation.
pub fn known_from_fact(lang: Lang, value: &str, event: &str, date: Date) -> String {
    let date = short_date(date, lang);
    match lang {
        Lang::Ja => format!("あなたの情報では「{value}」です（{event}の手続きで入力、{date}）。変わっていれば直してください。"),
        Lang::En => format!("Your information says \u{201c}{value}\u{201d} (given for {event}, {date}). Change it if it is no longer right."),
        Lang::Easy => format!("前に「{value}」と こたえました（{event}、{date}）。変わって いたら なおして ください。"),
    }
}

/// An answer the household's people tell, shown for confirmation: named, those of that
/// age; none named, nobody is.
pub fn known_from_household(lang: Lang, value: &str, names: &[String]) -> String {
    let who = names.join(list_separator(lang));
    match (lang, names.is_empty()) {
        (Lang::Ja, false) => format!("家族の生年月日（{who}）から「{value}」としました。違っていれば選び直してください。"),
        (Lang::En, false) => format!("From your household's dates of birth ({who}): \u{201c}{value}\u{201d}. Choose again if that is wrong."),
        (Lang::Easy, false) => format!("家族の 生まれた 日（{who}）から「{value}」に しました。"),
        (Lang::Ja, true) => format!("家族の生年月日から「{value}」としました（あてはまる人はいません）。違っていれば選び直してください。"),
        (Lang::En, true) => format!("From your household's dates of birth: \u{201c}{value}\u{201d}, nobody is of that age. Choose again if that is wrong."),
        (Lang::Easy, true) => format!("家族の 生まれた 日から「{value}」に しました（あてはまる 人は いません）。"),
    }
}

pub fn due_line(lang: Lang, due: Date, left: &str) -> String {
    format!("{}{}", format_date(due, lang), bracketed(lang, left))
}

/// A deadline notice's title: the procedure and how its due date stands.
pub fn notice_deadline(lang: Lang, title: &str, phase: crate::notice::Phase) -> String {
    use crate::notice::Phase;
    match (lang, phase) {
        (Lang::Ja, Phase::Ahead(d)) => format!("{title}の期限まであと{d}日"),
        (Lang::En, Phase::Ahead(d)) => format!("{title}: due in {d} days"),
        (Lang::Easy, Phase::Ahead(d)) => format!("{title}: あと {d}日で きげんです"),
        (Lang::Ja, Phase::Due) => format!("{title}は今日が期限です"),
        (Lang::En, Phase::Due) => format!("{title}: due today"),
        (Lang::Easy, Phase::Due) => format!("{title}: きょうが きげんです"),
        (Lang::Ja, Phase::Overdue) => format!("{title}の期限を過ぎています"),
        (Lang::En, Phase::Overdue) => format!("{title}: overdue"),
        (Lang::Easy, Phase::Overdue) => format!("{title}: きげんが すぎて います"),
    }
}

/// A deadline notice's title for the tray, true however long it waits there: the due date,
/// or that it has passed.
pub fn notice_deadline_dated(lang: Lang, title: &str, due: Date, passed: bool) -> String {
    let date = format_date(due, lang);
    match (lang, passed) {
        (Lang::Ja, false) => format!("{title}の期限は{date}です"),
        (Lang::En, false) => format!("{title}: due {date}"),
        (Lang::Easy, false) => format!("{title}: きげんは {date}です"),
        (Lang::Ja, true) => format!("{title}の期限（{date}）を過ぎています"),
        (Lang::En, true) => format!("{title}: overdue (due {date})"),
        (Lang::Easy, true) => format!("{title}: きげん（{date}）が すぎて います"),
    }
}

/// A life-stage notice's title: whose, and what.
pub fn notice_checkpoint(lang: Lang, name: Option<&str>, title: &str) -> String {
    match (lang, name) {
        (Lang::Ja | Lang::Easy, Some(n)) => format!("{}さん: {title}", crate::ruby::user(n)),
        (Lang::En, Some(n)) => format!("{}: {title}", crate::ruby::user(n)),
        (_, None) => title.to_string(),
    }
}

/// A status notice's title: the recipient and what it reported.
pub fn notice_status(lang: Lang, agency: &str, status: PacketStatus) -> String {
    format!("{agency}: {}", item_state(lang, None, Some(status)))
}

/// A digest of several notices, as one system notification: the situation and how many.
pub fn notice_digest(lang: Lang, situation: &str, n: usize) -> String {
    match lang {
        Lang::Ja => format!("{situation}: お知らせが{n}件あります"),
        Lang::En if n == 1 => format!("{situation}: 1 notice"),
        Lang::En => format!("{situation}: {n} notices"),
        Lang::Easy => format!("{situation}: おしらせが {n}こ あります"),
    }
}

/// An hour of the day, for the quiet hours.
pub fn hour(lang: Lang, h: u8) -> String {
    match lang {
        Lang::Ja | Lang::Easy => format!("{h}時"),
        Lang::En => format!("{h}:00"),
    }
}

/// Whose notices a digest holds, with the day it began.
pub fn digest_heading(lang: Lang, situation: &str, from: Date) -> String {
    format!("{situation}{}", bracketed(lang, &format_date(from, lang)))
}

/// The header's badge: how many notices are unread.
pub fn unread_badge(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("未読{n}件"),
        Lang::En => format!("{n} unread"),
        Lang::Easy => format!("みていない {n}こ"),
    }
}

/// The count of unread notices in a sentence (announced when it grows).
pub fn unread_notices(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Ja, 0) => "お知らせ（未読なし）".into(),
        (Lang::Ja, n) => format!("お知らせ（未読{n}件）"),
        (Lang::En, 0) => "Notices, none unread".into(),
        (Lang::En, 1) => "Notices, 1 unread".into(),
        (Lang::En, n) => format!("Notices, {n} unread"),
        (Lang::Easy, 0) => "おしらせ（まだ よんで いない ものは ありません）".into(),
        (Lang::Easy, n) => format!("おしらせ（まだ よんで いない もの {n}こ）"),
    }
}

/// Where a procedure stands in the plan: closed (and why), prepared, handed over, sent …
pub fn item_state(
    lang: Lang,
    closed_because: Option<&str>,
    status: Option<PacketStatus>,
) -> String {
    if let Some(reason) = closed_because {
        return format!("{} {reason}", t(lang, Msg::StatusClosed));
    }
    t(
        lang,
        match status {
            Some(PacketStatus::Prepared) => Msg::StatusPrepared,
            Some(PacketStatus::HandedOver) => Msg::StatusHandedOver,
            Some(PacketStatus::Sent) => Msg::StatusSent,
            Some(PacketStatus::Received) => Msg::StatusReceived,
            Some(PacketStatus::NeedsAction) => Msg::StatusNeedsAction,
            Some(PacketStatus::Done) | None => Msg::StatusDone,
        },
    )
    .to_string()
}

/// Where a packet stands, in words: waiting in the outbox, refused, or its status.
pub fn packet_status(lang: Lang, record: &PacketRecord, outbox: &Outbox) -> String {
    match outbox.get(&record.id).map(|i| &i.delivery) {
        Some(Delivery::Waiting) => t(lang, Msg::StatusWaiting).to_string(),
        Some(Delivery::Refused { message, .. }) => format!(
            "{}{}",
            t(lang, Msg::StatusRefused),
            bracketed(lang, message)
        ),
        _ => item_state(lang, None, Some(record.status)),
    }
}

/// One visit of the "what to do first" summary.
pub fn trip_line(
    lang: Lang,
    agency: &str,
    procedures: &[String],
    bring: &[String],
    due: Option<Date>,
) -> String {
    let sep = list_separator(lang);
    let (n, list, things) = (procedures.len(), procedures.join(sep), bring.join(sep));
    let by = due.map(|d| format_date(d, lang));
    match lang {
        Lang::Ja => {
            // The earliest due date is the day to go by (「期限は…から」 read as the day
            // the deadlines begin).
            let by = by.map_or(String::new(), |d| format!("{d}までに行ってください。"));
            let things = if bring.is_empty() {
                String::new()
            } else {
                format!("持ち物：{things}。")
            };
            format!("{agency}へ1回：{n}件の手続き（{list}）。{by}{things}")
        }
        Lang::En => {
            let by = by.map_or(String::new(), |d| format!(" Go by {d}."));
            let things = if bring.is_empty() {
                String::new()
            } else {
                format!(" Bring: {things}.")
            };
            let s = if n == 1 { "" } else { "s" };
            format!("One visit to {agency}: {n} procedure{s} ({list}).{by}{things}")
        }
        Lang::Easy => {
            let by = by.map_or(String::new(), |d| format!("{d}までに 行って ください。"));
            let things = if bring.is_empty() {
                String::new()
            } else {
                format!("もちもの：{things}。")
            };
            format!("{agency}へ 1かい：{n}この 手続き（{list}）。{by}{things}")
        }
    }
}

/// Who files a procedure: "山田 和子 (mother)".
pub fn who_files(lang: Lang, name: Option<&str>, kin: Option<&str>) -> String {
    let name = name.map_or_else(|| t(lang, Msg::NameNotYetGiven).to_string(), str::to_string);
    match kin {
        Some(k) => format!("{name}{}", bracketed(lang, k)),
        None => name,
    }
}

/// A person offered on the "who is who" page.
pub fn candidate_label(lang: Lang, name: Option<&str>, kin: Option<&str>, me: bool) -> String {
    let name = name.map(str::to_string);
    match (me, name, kin) {
        (true, Some(n), _) => format!("{}{}", t(lang, Msg::You), bracketed(lang, &n)),
        (true, None, _) => t(lang, Msg::You).to_string(),
        (false, Some(n), Some(k)) if k != kin_word(lang, Kin::Other, None) => {
            format!("{n}{}", bracketed(lang, k))
        }
        (false, Some(n), _) => n,
        (false, None, Some(k)) => k.to_string(),
        (false, None, None) => t(lang, Msg::NameNotYetGiven).to_string(),
    }
}

/// The citizen's part in a birth.
pub fn my_part(lang: Lang, part: &str) -> String {
    t(
        lang,
        match part {
            "mother" => Msg::MyPartMother,
            "father" => Msg::MyPartFather,
            _ => Msg::MyPartOther,
        },
    )
    .to_string()
}

/// The legend of a question of the "who is who" page; `part` names the control when a
/// question has two, `my_part` the citizen's part in a birth (the other parent is then
/// the father or the mother).
pub fn people_legend(lang: Lang, q: PeopleQuestion, part: &str, my_part: Option<&str>) -> String {
    let msg = match (q, part, my_part) {
        (PeopleQuestion::Parents, "my_part", _) => Msg::MyPartLegend,
        (PeopleQuestion::Parents, _, Some("mother")) => Msg::OtherParentFather,
        (PeopleQuestion::Parents, _, Some("father")) => Msg::OtherParentMother,
        (PeopleQuestion::Parents, _, _) => Msg::OtherParentLegend,
        (PeopleQuestion::Head, "after_move", _) => Msg::HeadAfterMoveLegend,
        (PeopleQuestion::Head, "after_death", _) => Msg::HeadAfterDeathLegend,
        (PeopleQuestion::Head, _, _) => Msg::HeadLegend,
        (PeopleQuestion::Informant, _, _) => Msg::InformantLegend,
        (PeopleQuestion::AllowanceClaimant, _, _) => Msg::AllowanceClaimantLegend,
        (PeopleQuestion::Members, _, _) => Msg::MoversLegend,
        (PeopleQuestion::DeceasedRelation, "lived_with", _) => Msg::LivedWithLegend,
        (PeopleQuestion::DeceasedRelation, _, _) => Msg::DeceasedKinLegend,
        (PeopleQuestion::SurvivingSpouse, _, _) => Msg::SurvivingSpouseLegend,
        (PeopleQuestion::Heirs, _, _) => Msg::HeirsLegend,
        (PeopleQuestion::FuneralHost, _, _) => Msg::FuneralHostLegend,
        (PeopleQuestion::Helper, _, _) => Msg::HelperLegend,
    };
    t(lang, msg).to_string()
}

/// What is wrong on the "who is who" page, for a control.
pub fn people_error(lang: Lang, control: &str, e: PeopleError) -> String {
    match e {
        PeopleError::Name(f) => field_error(lang, f, t(lang, Msg::NameOfNew)),
        PeopleError::ChooseOne if control == "heirs" => t(lang, Msg::ChooseAnHeir).to_string(),
        PeopleError::ChooseOne => t(lang, Msg::ChooseWhoMoves).to_string(),
        PeopleError::Choose => t(lang, Msg::SelectOne).to_string(),
    }
}

/// The label of the name of the n-th person added on the people page (n from 1): an heir
/// (`base` "new_heir") or someone who moves with the citizen ("new_mover").
pub fn added_person_label(lang: Lang, base: &str, n: usize) -> String {
    let heir = base == "new_heir";
    match (lang, n <= 1, heir) {
        (_, true, true) => t(lang, Msg::NewHeirName).to_string(),
        (Lang::Ja, true, false) => "一緒に引越しする人を加える（氏名）".into(),
        (Lang::En, true, false) => "Add someone who moves with you (full name)".into(),
        (Lang::Easy, true, false) => "いっしょに ひっこす 人を くわえる（名前）".into(),
        (Lang::Ja, false, true) => format!("加える相続人 {n}人目（氏名）"),
        (Lang::En, false, true) => format!("Heir to add, number {n} (full name)"),
        (Lang::Easy, false, true) => format!("くわえる 人 {n}人目（名前）"),
        (Lang::Ja, false, false) => format!("一緒に引越しする人 {n}人目（氏名）"),
        (Lang::En, false, false) => format!("Someone who moves with you, number {n} (full name)"),
        (Lang::Easy, false, false) => format!("いっしょに ひっこす 人 {n}人目（名前）"),
    }
}

/// The legend of how the n-th person added is related: to the deceased (an heir) or to
/// the citizen (someone who moves with them; `base` "head": a new head of household).
pub fn added_person_kin_legend(lang: Lang, base: &str, n: usize) -> String {
    // A new head's group may stand beside the first added mover's: never the same name.
    if base == "head" {
        return match lang {
            Lang::Ja => "世帯主になる人はあなたの",
            Lang::En => "The new head of household is your",
            Lang::Easy => "世帯主に なる 人は あなたの",
        }
        .into();
    }
    if base == "helper" {
        return match lang {
            Lang::Ja => "窓口に行く人はあなたの",
            Lang::En => "The one who goes for you is your",
            Lang::Easy => "まどぐちに 行く 人は あなたの",
        }
        .into();
    }
    let heir = base == "new_heir";
    match (lang, n <= 1, heir) {
        (_, true, true) => t(lang, Msg::NewHeirKin).to_string(),
        (Lang::Ja, true, false) => "その人はあなたの".into(),
        (Lang::En, true, false) => "They are your".into(),
        (Lang::Easy, true, false) => "その 人は あなたの".into(),
        (Lang::Ja, false, true) => format!("{n}人目の人は亡くなった方の"),
        (Lang::En, false, true) => format!("Heir number {n} was the deceased's"),
        (Lang::Easy, false, true) => format!("{n}人目の 人は 亡くなった 人の"),
        (Lang::Ja, false, false) => format!("{n}人目の人はあなたの"),
        (Lang::En, false, false) => format!("Person number {n} is your"),
        (Lang::Easy, false, false) => format!("{n}人目の 人は あなたの"),
    }
}

/// The legend of the relation of an heir to the deceased: "高橋 大輔さんは亡くなった方の".
pub fn heir_kin_legend(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => format!("{name}さんは亡くなった方の"),
        Lang::En => format!("{name} was the deceased's"),
        Lang::Easy => format!("{name}さんは 亡くなった 人の"),
    }
}

/// An heir in the list: who they are and how they were related to the deceased, said as
/// such (the list is the one place where a relation is not counted from the citizen):
/// 「山田 和子（亡くなった方の妻）」, 「あなた（山田 太郎、亡くなった方の子）」.
pub fn heir_label(lang: Lang, name: Option<&str>, kin: Kin, sex: Option<Sex>, me: bool) -> String {
    let relation = (kin != Kin::Other).then(|| {
        let k = kin_word(lang, kin, sex);
        match lang {
            Lang::Ja => format!("亡くなった方の{k}"),
            Lang::En => format!("the deceased's {k}"),
            Lang::Easy => format!("亡くなった 人の {k}"),
        }
    });
    let sep = if lang == Lang::En { ", " } else { "、" };
    match (me, name, relation) {
        (true, Some(n), Some(r)) => {
            format!(
                "{}{}",
                t(lang, Msg::You),
                bracketed(lang, &format!("{n}{sep}{r}"))
            )
        }
        (true, Some(n), None) => format!("{}{}", t(lang, Msg::You), bracketed(lang, n)),
        (true, None, Some(r)) => format!("{}{}", t(lang, Msg::You), bracketed(lang, &r)),
        (true, None, None) => t(lang, Msg::You).to_string(),
        (false, n, r) => {
            let who = n.map_or_else(|| t(lang, Msg::NameNotYetGiven).to_string(), str::to_string);
            match r {
                Some(r) => format!("{who}{}", bracketed(lang, &r)),
                None => who,
            }
        }
    }
}

/// A new value from a day: "From 1 June 2026".
pub fn starts_note(lang: Lang, d: Date) -> String {
    let d = format_date(d, lang);
    match lang {
        Lang::Ja => format!("{d}からの内容です。"),
        Lang::En => format!("From {d}."),
        Lang::Easy => format!("{d}からの ことです。"),
    }
}

/// A value as it was on a day: "As it was on 31 May 2026".
pub fn as_of_note(lang: Lang, d: Date) -> String {
    let d = format_date(d, lang);
    match lang {
        Lang::Ja => format!("{d}の時点の内容です。"),
        Lang::En => format!("As it was on {d}."),
        Lang::Easy => format!("{d}の ときの ことです。"),
    }
}

/// The heading of a page or section about one owner of facts.
pub fn owner_heading(
    lang: Lang,
    owner: &str,
    name: Option<&str>,
    role: Option<Role>,
    kin: Option<(Kin, Option<Sex>)>,
    is_person: bool,
) -> String {
    if owner == crate::vault::ME {
        return t(lang, Msg::AboutMe).to_string();
    }
    if owner == crate::vault::HOUSEHOLD {
        return t(lang, Msg::AboutHousehold).to_string();
    }
    if !is_person {
        return t(lang, Msg::AboutCase).to_string();
    }
    let kin_text = kin
        .filter(|(k, _)| *k != Kin::Other)
        .map(|(k, s)| kin_word(lang, k, s));
    match (name, role) {
        (Some(n), _) => {
            let who = match kin_text {
                Some(k) => format!("{n}{}", bracketed(lang, &k)),
                None => n.to_string(),
            };
            match lang {
                Lang::Ja => format!("{who}について"),
                Lang::En => format!("About {who}"),
                Lang::Easy => format!("{who}の こと"),
            }
        }
        (None, Some(Role::Child)) => t(lang, Msg::AboutChild).to_string(),
        (None, Some(Role::Deceased)) => t(lang, Msg::AboutDeceased).to_string(),
        (None, _) => match kin_text {
            Some(k) => match lang {
                Lang::Ja => format!("あなたの{k}について"),
                Lang::En => format!("About your {k}"),
                Lang::Easy => format!("あなたの {k}の こと"),
            },
            None => t(lang, Msg::AboutSomeone).to_string(),
        },
    }
}

/// "Used for: 出生届、児童手当".
pub fn used_by(lang: Lang, procedures: &[String]) -> String {
    format!(
        "{}: {}",
        t(lang, Msg::UsedBy),
        procedures.join(list_separator(lang))
    )
}

/// What a packet still lacks.
/// What a packet's forms carry blank because the citizen does not know it yet.
pub fn open_line(lang: Lang, what: &[String]) -> String {
    let list = what.join(list_separator(lang));
    match lang {
        Lang::Ja => format!("まだ分からないこと：{list}。用紙では空欄になります。窓口で伝えるか、分かったら入力してください。"),
        Lang::En => format!("Not known yet: {list}. It is left blank on the form: give it at the counter, or add it when you know it."),
        Lang::Easy => format!("まだ わからない こと：{list}。ようしには 書いて ありません。まどぐちで いうか、わかったら 書いて ください。"),
    }
}

pub fn missing_line(lang: Lang, what: &[String]) -> String {
    let list = what.join(list_separator(lang));
    match lang {
        Lang::Ja => format!("まだ入力されていない情報があります：{list}"),
        Lang::En => format!("Still missing: {list}"),
        Lang::Easy => format!("まだ 書いて いない ことが あります：{list}"),
    }
}

pub fn handed_over_status(lang: Lang, agency: &str) -> String {
    match lang {
        Lang::Ja => format!("{agency}に渡したことを記録しました"),
        Lang::En => format!("Recorded as handed over to {agency}"),
        Lang::Easy => format!("{agency}に わたした ことを 記録 しました"),
    }
}

/// One answer that puts a procedure in the plan: 「question」→「answer」.
pub fn why_line(lang: Lang, question: &str, answer: &str) -> String {
    match lang {
        Lang::En => format!("“{question}” — {answer}"),
        Lang::Ja | Lang::Easy => format!("「{question}」→「{answer}」"),
    }
}

/// The label of the day another heir learned of the death.
pub fn heir_learned_when(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => format!("{name}が亡くなったことを知った日"),
        Lang::En => format!("The day {name} learned of the death"),
        Lang::Easy => format!("{name}が 亡くなった ことを 知った 日"),
    }
}

/// One heir's own last day, and the day it counts from.
pub fn heir_own_due(lang: Lang, who: &str, due: Date, learned: Date) -> String {
    let (due, learned) = (format_date(due, lang), format_date(learned, lang));
    match lang {
        Lang::Ja => format!("{who}：{due}まで（{learned}に知った日から）"),
        Lang::En => format!("{who}: by {due} (learned on {learned})"),
        Lang::Easy => format!("{who}：{due}まで（{learned}に 知った 日から）"),
    }
}

/// A day before the death for the day an heir learned of it.
pub fn learned_before_death(lang: Lang, died: Date) -> String {
    let day = format_date(died, lang);
    match lang {
        Lang::Ja => format!("知った日は、亡くなった日（{day}）以後の日付を入力してください"),
        Lang::En => format!("The day they learned cannot be before the death ({day})"),
        Lang::Easy => format!("知った 日は 亡くなった 日（{day}）より あとの 日を 書いて ください"),
    }
}

/// Recorded: the heir's own period now counts from this day.
pub fn heir_learned_status(lang: Lang, name: &str, due: Option<Date>) -> String {
    match (lang, due) {
        (Lang::Ja, Some(d)) => format!("{name}の期限は{}です", format_date(d, lang)),
        (Lang::En, Some(d)) => format!("{name}'s deadline is {}", format_date(d, lang)),
        (Lang::Easy, Some(d)) => format!("{name}の 期限は {}です", format_date(d, lang)),
        (Lang::Ja, None) => format!("{name}の知った日を記録しました"),
        (Lang::En, None) => format!("Recorded the day {name} learned of it"),
        (Lang::Easy, None) => format!("{name}の 知った 日を 記録 しました"),
    }
}

/// The question above the day a sheet was handed over.
pub fn handed_over_when(lang: Lang, agency: &str) -> String {
    match lang {
        Lang::Ja => format!("{agency}に渡した日"),
        Lang::En => format!("The day you handed it over to {agency}"),
        Lang::Easy => format!("{agency}に わたした 日"),
    }
}

/// A day before the sheet existed.
pub fn handed_over_before_prepared(lang: Lang, prepared: Date) -> String {
    let day = format_date(prepared, lang);
    match lang {
        Lang::Ja => format!("渡した日は、書類を作った日（{day}）以後の日付を入力してください"),
        Lang::En => {
            format!("The day you handed it over cannot be before the sheet was made ({day})")
        }
        Lang::Easy => {
            format!("わたした 日は 書類を 作った 日（{day}）より あとの 日を 書いて ください")
        }
    }
}

pub fn not_handed_over_status(lang: Lang, agency: &str) -> String {
    match lang {
        Lang::Ja => format!("{agency}に渡した記録を取り消しました。書類は作成済みのままです"),
        Lang::En => format!(
            "The record of handing it over to {agency} is taken back; the sheet is still prepared"
        ),
        Lang::Easy => format!("{agency}に わたした 記録を けしました。書類は そのまま です"),
    }
}

/// The header every printed page of a sheet carries.
pub fn sheet_header(lang: Lang, name: &str, date: Date, reference: &str) -> String {
    match lang {
        Lang::En => format!("{name} — {} — {reference}", short_date(date, lang)),
        _ => format!("{name} ― {} ― {reference}", short_date(date, lang)),
    }
}

/// The days a version of a fact held: "from 1 June 2026", "until 31 May 2026".
pub fn version_span(lang: Lang, from: Option<Date>, until: Option<Date>) -> String {
    let (f, u) = (
        from.map(|d| short_date(d, lang)),
        until.map(|d| short_date(d, lang)),
    );
    match (lang, f, u) {
        (Lang::Ja, Some(f), Some(u)) => format!("{f}〜{u}："),
        (Lang::Ja, Some(f), None) => format!("{f}から"),
        (Lang::Ja, None, Some(u)) => format!("{u}まで："),
        (Lang::En, Some(f), Some(u)) => format!("{f} to {u}:"),
        (Lang::En, Some(f), None) => format!("since {f}"),
        (Lang::En, None, Some(u)) => format!("until {u}:"),
        (Lang::Easy, Some(f), Some(u)) => format!("{f}〜{u}："),
        (Lang::Easy, Some(f), None) => format!("{f}から"),
        (Lang::Easy, None, Some(u)) => format!("{u}まで："),
        (_, None, None) => String::new(),
    }
}

pub fn change_heading(lang: Lang, label: &str) -> String {
    format!("{}: {label}", t(lang, Msg::Change))
}

pub fn current_value(lang: Lang, value: &str) -> String {
    match lang {
        Lang::Ja => format!("いまの内容：{value}"),
        Lang::En => format!("Now: {value}"),
        Lang::Easy => format!("今：{value}"),
    }
}

/// A specific message that names the field, as GOV.UK's pattern asks ("Enter the
/// child's name in katakana", not "Invalid input").
pub fn field_error(lang: Lang, e: FieldError, label: &str) -> String {
    use FieldError::*;
    match (e, lang) {
        (Empty, Lang::Ja) => format!("{label}を入力してください"),
        (Empty, Lang::En) => format!("Enter {}", lower_first(label)),
        (Empty, Lang::Easy) => format!("{label}を 書いて ください"),
        (NotKana, Lang::Ja) => format!("{label}はカタカナで入力してください"),
        (NotKana, Lang::En) => format!(
            "Write {} in katakana (ひらがな is converted for you)",
            lower_first(label)
        ),
        (NotKana, Lang::Easy) => format!("{label}は カタカナで 書いて ください"),
        (NotAName, Lang::Ja) => format!("{label}に数字や記号は使えません"),
        (NotAName, Lang::En) => {
            format!("{label} can only contain letters, spaces, hyphens and apostrophes")
        }
        (NotAName, Lang::Easy) => format!("{label}に すうじや きごうは 使えません"),
        (TooLong(n), Lang::Ja) => format!("{label}は{n}文字以内で入力してください"),
        (TooLong(n), Lang::En) => format!("{label} must be {n} characters or fewer"),
        (TooLong(n), Lang::Easy) => format!("{label}は {n}もじ いないで 書いて ください"),
        (PostalCode, Lang::Ja) => "郵便番号は 123-4567 のように7桁で入力してください".into(),
        (PostalCode, Lang::En) => "Enter the postal code as 7 digits, like 123-4567".into(),
        (PostalCode, Lang::Easy) => "郵便 番号は 123-4567 の ように 7けたで 書いて ください".into(),
        (Phone, Lang::Ja) => {
            "電話番号は 03-1234-5678 や 090-1234-5678 のように入力してください".into()
        }
        (Phone, Lang::En) => "Enter a phone number like 03-1234-5678 or 090-1234-5678".into(),
        (Phone, Lang::Easy) => "電話 番号は 090-1234-5678 の ように 書いて ください".into(),
        (Date(e), _) => date_error(lang, e).into(),
        (NotANumber, _) => t(lang, Msg::NumberNotANumber).into(),
        (MyNumber, Lang::Ja) => {
            "マイナンバーは12桁の数字で、カードの表記どおりに入力してください".into()
        }
        (MyNumber, Lang::En) => "Enter the 12-digit My Number exactly as on the card".into(),
        (MyNumber, Lang::Easy) => {
            "マイナンバーは 12けたの すうじ です。カードの とおりに 書いて ください".into()
        }
        (Time, Lang::Ja) => format!("{label}は 14:05 や 午後2時5分 のように入力してください"),
        (Time, Lang::En) => format!("Enter {} like 14:05 or 2:05 pm", lower_first(label)),
        (Time, Lang::Easy) => format!("{label}は 14:05 や 午後2時5分 の ように 書いて ください"),
        (ResidenceCard, Lang::Ja) => {
            "在留カード番号は AB12345678CD のように、英字2文字・数字8桁・英字2文字で入力してください（カードの右上にあります）".into()
        }
        (ResidenceCard, Lang::En) => {
            "Enter the residence card number as 2 letters, 8 digits and 2 letters, like AB12345678CD (top right of the card)".into()
        }
        (ResidenceCard, Lang::Easy) => {
            "在留カードの 番号は AB12345678CD の ように 書いて ください（カードの 右上に あります）".into()
        }
        (NoChoice, Lang::Ja) => format!("{label}を選んでください"),
        (NoChoice, Lang::En) => format!("Select {}", lower_first(label)),
        (NoChoice, Lang::Easy) => format!("{label}を 選んで ください"),
        (HiddenCharacter, Lang::Ja) => format!(
            "{label}に表示されない文字（制御文字や文字の向きを変える文字）が入っています。貼り付けずに入力し直してください"
        ),
        (HiddenCharacter, Lang::En) => format!(
            "{label} contains a hidden character (a control or text-direction character). Type it in again instead of pasting it"
        ),
        (HiddenCharacter, Lang::Easy) => format!(
            "{label}に 見えない もじが 入って います。もう一度 手で 書いて ください"
        ),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// What is wrong with a typed date, in words.
/// Why a new passcode was refused.
pub fn passcode_error(lang: Lang, e: crate::files::PasscodeError) -> &'static str {
    use crate::files::PasscodeError::*;
    t(
        lang,
        match e {
            Empty => Msg::PasscodeEmpty,
            TooShort => Msg::PasscodeTooShort,
            TooLong => Msg::PasscodeTooLong,
            Mismatch => Msg::PasscodeMismatch,
        },
    )
}

pub fn date_error(lang: Lang, e: DateError) -> &'static str {
    t(
        lang,
        match e {
            DateError::Empty => Msg::DateEmpty,
            DateError::Unrecognised => Msg::DateUnrecognised,
            DateError::NoSuchDay => Msg::DateNoSuchDay,
            DateError::EraOutOfRange => Msg::DateEraOutOfRange,
            DateError::MissingYear => Msg::DateMissingYear,
        },
    )
}

/// What is wrong with an answer, in words.
pub fn answer_error(lang: Lang, e: &AnswerError, event: &Event) -> String {
    match e {
        AnswerError::NoChoice => t(lang, Msg::SelectOne).into(),
        AnswerError::NothingChecked => t(lang, Msg::CheckSomething).into(),
        AnswerError::NoneWithOthers => t(lang, Msg::NoneWithOthers).into(),
        AnswerError::Date(e) => date_error(lang, *e).into(),
        AnswerError::DateInFuture => t(lang, Msg::DateInFuture).into(),
        AnswerError::DateTooFarAhead => t(lang, Msg::DateTooFarAhead).into(),
        AnswerError::DateBefore(other) => {
            let label = event
                .questions
                .iter()
                .find(|q| q.id == *other)
                .and_then(|q| q.anchor_label.as_ref())
                .map_or(other.as_str(), |l| l.get(lang));
            date_before(lang, label)
        }
        AnswerError::NumberEmpty => t(lang, Msg::NumberEmpty).into(),
        AnswerError::NotANumber => t(lang, Msg::NumberNotANumber).into(),
        AnswerError::OutOfRange { min, max } => number_out_of_range(lang, *min, *max),
    }
}

fn length_phrase(length: Length, lang: Lang) -> String {
    match (length, lang) {
        (Length::Days(n), Lang::Ja) => format!("{n}日"),
        (Length::Days(n), Lang::En) => format!("{n} day{}", if n == 1 { "" } else { "s" }),
        (Length::Days(n), Lang::Easy) => format!("{n}日"),
        (Length::Months(n), Lang::Ja) => format!("{n}か月"),
        (Length::Months(n), Lang::En) => format!("{n} month{}", if n == 1 { "" } else { "s" }),
        (Length::Months(n), Lang::Easy) => format!("{n}か月"),
        (Length::Years(n), Lang::Ja) => format!("{n}年"),
        (Length::Years(n), Lang::En) => format!("{n} year{}", if n == 1 { "" } else { "s" }),
        (Length::Years(n), Lang::Easy) => format!("{n}年"),
    }
}

/// One sentence that says how the due date was counted, e.g. "14 days, counting the day
/// of birth as day 1; the last day, Sat 2 May 2026, is a Saturday, so it moves to the
/// next open day."
pub fn counting(deadline: &Deadline, due: Option<&Due>, anchor_label: &Text, lang: Lang) -> String {
    let anchor = match (deadline, lang) {
        (
            Deadline::Period {
                from_days_before: Some(n),
                ..
            },
            Lang::Ja,
        ) => format!("{}の{n}日前", anchor_label.get(lang)),
        (
            Deadline::Period {
                from_days_before: Some(n),
                ..
            },
            Lang::En,
        ) => format!("the day {n} days before {}", anchor_label.get(lang)),
        (
            Deadline::Period {
                from_days_before: Some(n),
                ..
            },
            Lang::Easy,
        ) => format!("{}の {n}日 まえ", anchor_label.get(lang)),
        _ => anchor_label.get(lang).to_string(),
    };
    let mut s = match (deadline, lang) {
        (Deadline::NoFixed { note }, _) => return note.get(lang).to_string(),
        (
            Deadline::Period {
                length,
                count: Counting::FirstDayIncluded,
                ..
            },
            Lang::Ja,
        ) => {
            format!(
                "{anchor}を1日目として数えて{}",
                length_phrase(*length, lang)
            )
        }
        (
            Deadline::Period {
                length,
                count: Counting::FirstDayIncluded,
                ..
            },
            Lang::En,
        ) => {
            format!(
                "{}, counting {anchor} as day 1",
                length_phrase(*length, lang)
            )
        }
        (
            Deadline::Period {
                length,
                count: Counting::FirstDayIncluded,
                ..
            },
            Lang::Easy,
        ) => {
            format!("{anchor}を 1にちめ として {}", length_phrase(*length, lang))
        }
        (
            Deadline::Period {
                length,
                count: Counting::FirstDayExcluded,
                ..
            },
            Lang::Ja,
        ) => {
            format!("{anchor}の翌日から数えて{}", length_phrase(*length, lang))
        }
        (
            Deadline::Period {
                length,
                count: Counting::FirstDayExcluded,
                ..
            },
            Lang::En,
        ) => {
            format!(
                "{}, counting from the day after {anchor}",
                length_phrase(*length, lang)
            )
        }
        (
            Deadline::Period {
                length,
                count: Counting::FirstDayExcluded,
                ..
            },
            Lang::Easy,
        ) => {
            format!(
                "{anchor}の つぎの ひから かぞえて {}",
                length_phrase(*length, lang)
            )
        }
        (Deadline::ByAnchor { .. }, Lang::Ja) => format!("{anchor}までに（事前に）"),
        (Deadline::ByAnchor { .. }, Lang::En) => format!("beforehand, by {anchor}"),
        (Deadline::ByAnchor { .. }, Lang::Easy) => format!("{anchor}までに（まえもって）"),
    };
    if let Some(start) = due.and_then(|d| d.started_on) {
        let day = format_date(start, lang);
        s.push_str(&match lang {
            Lang::Ja => format!("（{day}より前に始まった場合は、経過措置により{day}から数えます）"),
            Lang::En => {
                format!(" (when it began before {day}, a transitional rule counts from {day})")
            }
            Lang::Easy => format!("（{day}より 前の ときは、{day}から かぞえます）"),
        });
    }
    if let Some(Due {
        last_day,
        moved_because: Some(reason),
        ..
    }) = due
    {
        let day = format_date(*last_day, lang);
        let why = closed_reason(*reason, last_day.year(), lang);
        let backwards = matches!(
            deadline,
            Deadline::ByAnchor {
                closed: ClosedDayRule::PreviousOpenDay,
                ..
            }
        );
        s.push_str(&match (lang, backwards) {
            (Lang::Ja, false) => format!("。最終日の{day}は{why}のため、次の開庁日まで延びます"),
            (Lang::Ja, true) => format!("。{day}は{why}のため、その前の開庁日までに"),
            (Lang::En, false) => {
                format!("; the last day, {day}, is {why}, so it moves to the next open day")
            }
            (Lang::En, true) => format!("; {day} is {why}, so by the last open day before it"),
            (Lang::Easy, false) => format!(
                "。さいごの ひ {day}は {why}です。だから つぎに まどぐちが あいている ひ まで です"
            ),
            (Lang::Easy, true) => format!(
                "。{day}は {why}です。だから その まえの まどぐちが あいている ひ まで です"
            ),
        });
    }
    if let Some(Due {
        last_day,
        closed_on: Some((reason, open)),
        ..
    }) = due
    {
        let (day, open) = (format_date(*last_day, lang), format_date(*open, lang));
        let why = closed_reason(*reason, last_day.year(), lang);
        s.push_str(&match lang {
            Lang::Ja => format!(
                "。最終日の{day}は{why}で窓口が閉まっていますが、この期限は法律上延びません。{open}までに手続きしてください"
            ),
            Lang::En => format!(
                "; the last day, {day}, is {why} and the office is closed, but the law does not move this deadline: go by {open}"
            ),
            Lang::Easy => format!(
                "。さいごの ひ {day}は {why}で まどぐちが しまって います。期限は のびません。{open}までに して ください"
            ),
        });
    }
    s.push_str(if lang == Lang::En { "." } else { "。" });
    s
}

/// Why a day is closed, in a sentence of the counting explanation.
pub fn closed_reason(reason: ClosedReason, year: i16, lang: Lang) -> String {
    match (reason, lang) {
        (ClosedReason::Saturday, Lang::Ja) => "土曜日".into(),
        (ClosedReason::Saturday, Lang::En) => "a Saturday".into(),
        (ClosedReason::Saturday, Lang::Easy) => "どようび".into(),
        (ClosedReason::Sunday, Lang::Ja) => "日曜日".into(),
        (ClosedReason::Sunday, Lang::En) => "a Sunday".into(),
        (ClosedReason::Sunday, Lang::Easy) => "にちようび".into(),
        (ClosedReason::Holiday(h), Lang::En) => {
            format!("a public holiday ({})", h.name(year, lang))
        }
        (ClosedReason::Holiday(h), _) => h.name(year, lang).into(),
        (ClosedReason::YearEnd, Lang::Ja) => "年末年始の休み".into(),
        (ClosedReason::YearEnd, Lang::En) => "in the New Year closure (29 Dec–3 Jan)".into(),
        (ClosedReason::YearEnd, Lang::Easy) => "ねんまつ ねんしの やすみ".into(),
        (ClosedReason::Municipal, Lang::Ja) => "市区町村の休日".into(),
        (ClosedReason::Municipal, Lang::En) => "a closed day of the city office".into(),
        (ClosedReason::Municipal, Lang::Easy) => "役所が やすみの 日".into(),
    }
}

#[cfg(test)]
mod sentence_tests {
    use super::*;
    use jiff::civil::date;

    fn period(
        length: Length,
        count: Counting,
        calendar: crate::calendar::Calendar,
        not_before: Option<Date>,
    ) -> Deadline {
        Deadline::Period {
            anchor: "a".into(),
            from_days_before: None,
            length,
            count,
            closed: ClosedDayRule::NextOpenDay,
            calendar,
            not_before,
        }
    }

    fn due(d: &Deadline, anchor: Date) -> Due {
        crate::deadline::compute(d, anchor, &crate::calendar::ClosedDays::default()).unwrap()
    }

    #[test]
    fn explanation_names_the_rule_and_the_move() {
        use crate::calendar::Calendar;
        let birth = period(
            Length::Days(14),
            Counting::FirstDayIncluded,
            Calendar::Municipal,
            None,
        );
        let label = Text {
            ja: "出生日".into(),
            en: "the day of birth".into(),
            easy: "うまれた ひ".into(),
        };
        let d = due(&birth, date(2026, 4, 16));
        let en = counting(&birth, Some(&d), &label, Lang::En);
        assert_eq!(
            en,
            "14 days, counting the day of birth as day 1; the last day, Wed 29 April 2026, is a public holiday (Showa Day), so it moves to the next open day."
        );
        let ja = counting(&birth, Some(&d), &label, Lang::Ja);
        assert_eq!(ja, "出生日を1日目として数えて14日。最終日の2026年4月29日（水）は昭和の日のため、次の開庁日まで延びます。");
        let plain = counting(
            &birth,
            Some(&due(&birth, date(2026, 4, 1))),
            &label,
            Lang::En,
        );
        assert_eq!(plain, "14 days, counting the day of birth as day 1.");
    }

    #[test]
    fn a_transitional_start_is_said() {
        let registration = period(
            Length::Years(3),
            Counting::FirstDayExcluded,
            crate::calendar::Calendar::National,
            Some(date(2024, 4, 1)),
        );
        let label = Text {
            ja: "知った日".into(),
            en: "the day you learned of it".into(),
            easy: "しった ひ".into(),
        };
        assert!(counting(
            &registration,
            Some(&due(&registration, date(2020, 6, 1))),
            &label,
            Lang::En
        )
        .contains("a transitional rule counts from Mon 1 April 2024"));
    }

    #[test]
    fn lists_and_brackets_follow_the_language() {
        let procs = vec!["出生届".to_string(), "児童手当 認定請求".to_string()];
        let bring = vec!["母子健康手帳".to_string()];
        let d = Some(date(2026, 4, 30));
        assert_eq!(trip_line(Lang::Ja, "市区町村役場", &procs, &bring, d), "市区町村役場へ1回：2件の手続き（出生届、児童手当 認定請求）。2026年4月30日（木）までに行ってください。持ち物：母子健康手帳。");
        assert_eq!(
            trip_line(Lang::En, "City office", &procs, &[], d),
            "One visit to City office: 2 procedures (出生届, 児童手当 認定請求). Go by Thu 30 April 2026."
        );
        assert_eq!(
            who_files(Lang::En, Some("山田 和子"), Some("mother")),
            "山田 和子 (mother)"
        );
        assert_eq!(
            who_files(Lang::Ja, Some("山田 和子"), Some("母")),
            "山田 和子（母）"
        );
        assert_eq!(
            used_by(Lang::En, &procs),
            "Used for: 出生届, 児童手当 認定請求"
        );
    }

    #[test]
    fn people_and_their_history_are_named() {
        use crate::household::{Kin, Role, Sex};
        assert_eq!(
            owner_heading(
                Lang::Ja,
                "p2",
                Some("山田 花子"),
                None,
                Some((Kin::Spouse, Some(Sex::Female))),
                true
            ),
            "山田 花子（妻）について"
        );
        assert_eq!(
            owner_heading(
                Lang::En,
                "p1",
                None,
                Some(Role::Child),
                Some((Kin::Child, None)),
                true
            ),
            "About the child"
        );
        assert_eq!(
            owner_heading(Lang::En, "household", None, None, None, false),
            "About your household"
        );
        assert_eq!(
            candidate_label(Lang::Ja, Some("山田 太郎"), None, true),
            "あなた（山田 太郎）"
        );
        assert_eq!(
            candidate_label(Lang::En, None, Some("mother"), false),
            "mother"
        );
        assert_eq!(
            version_span(Lang::En, None, Some(date(2026, 5, 31))),
            "until 31 May 2026:"
        );
        assert_eq!(
            version_span(Lang::Ja, Some(date(2026, 6, 1)), None),
            "2026年6月1日から"
        );
        assert_eq!(kin_word(Lang::En, Kin::Parent, Some(Sex::Female)), "mother");
        assert_eq!(kin_word(Lang::Ja, Kin::Spouse, None), "配偶者");
    }

    #[test]
    fn messages_name_the_field() {
        assert_eq!(
            field_error(Lang::En, FieldError::Empty, "Child's name"),
            "Enter child's name"
        );
        assert_eq!(
            field_error(Lang::Ja, FieldError::NotKana, "子の氏名（フリガナ）"),
            "子の氏名（フリガナ）はカタカナで入力してください"
        );
    }

    #[test]
    fn a_death_deadline_in_the_year_end_closure_says_why_it_moves() {
        use crate::calendar::Calendar;
        // Death on Wed 16 December 2026: 14 days end on Wed 30 December, inside the municipal
        // closure of 29 December to 3 January; due Monday 4 January, and the sentence says so.
        let loss = period(
            Length::Days(14),
            Counting::FirstDayExcluded,
            Calendar::Municipal,
            None,
        );
        let label = Text {
            ja: "死亡日".into(),
            en: "the day of death".into(),
            easy: "なくなった ひ".into(),
        };
        let d = due(&loss, date(2026, 12, 16));
        assert_eq!(d.due, date(2027, 1, 4));
        let ja = counting(&loss, Some(&d), &label, Lang::Ja);
        assert!(ja.contains("年末年始"), "{ja}");
        assert!(ja.contains("次の開庁日まで延びます"), "{ja}");
    }

    #[test]
    fn a_period_from_days_before_the_anchor_names_that_day() {
        use crate::calendar::Calendar;
        let Deadline::Period {
            anchor,
            length,
            count,
            closed,
            calendar,
            not_before,
            ..
        } = period(
            Length::Years(2),
            Counting::FirstDayExcluded,
            Calendar::National,
            None,
        )
        else {
            unreachable!()
        };
        let maternity = Deadline::Period {
            anchor,
            length,
            count,
            closed,
            calendar,
            not_before,
            from_days_before: Some(41),
        };
        let label = Text {
            ja: "出生日".into(),
            en: "the day of birth".into(),
            easy: "うまれた ひ".into(),
        };
        let d = due(&maternity, date(2026, 4, 16));
        assert_eq!(d.last_day, date(2028, 3, 6));
        assert!(counting(&maternity, Some(&d), &label, Lang::Ja)
            .starts_with("出生日の41日前の翌日から数えて2年"));
        assert!(
            counting(&maternity, Some(&d), &label, Lang::En).starts_with(
                "2 years, counting from the day after the day 41 days before the day of birth"
            )
        );
    }
}

/// A time of day as a sheet writes it: 午後2時5分 (the 出生届's 午前・午後), 2:05 pm.
pub fn time_of_day(h: u32, m: u32, lang: Lang) -> String {
    let (half, h12) = (if h < 12 { 0 } else { 1 }, h % 12);
    match lang {
        Lang::En => format!(
            "{}:{m:02} {}",
            if h12 == 0 { 12 } else { h12 },
            ["am", "pm"][half]
        ),
        Lang::Ja | Lang::Easy => format!("{}{h12}時{m}分", ["午前", "午後"][half]),
    }
}

/// A stored value as the citizen reads it: a choice by its label, a date written out.
pub fn display_value(
    catalog: &crate::catalog::Catalog,
    field: &str,
    value: &str,
    lang: Lang,
) -> String {
    let kind = catalog.fields.fields.get(field).map(|f| f.kind);
    match (kind, crate::iso_date::parse(value)) {
        (Some(crate::catalog::FieldKind::Date), Some(d)) => short_date(d, lang),
        // Typed in lower case before it was checked: shown as the card prints it.
        (Some(crate::catalog::FieldKind::ResidenceCard), _) => value.to_ascii_uppercase(),
        (Some(crate::catalog::FieldKind::Time), _) => match crate::fields::parse_time(value) {
            Some((h, m)) => time_of_day(h, m, lang),
            // Typed before times were checked: shown as typed.
            None => value.to_string(),
        },
        _ => catalog.display_value(field, value, lang),
    }
}

#[cfg(test)]
mod time_tests {
    use super::*;

    #[test]
    fn a_time_is_written_as_a_japanese_sheet_writes_it() {
        assert_eq!(time_of_day(14, 5, Lang::Ja), "午後2時5分");
        assert_eq!(time_of_day(0, 15, Lang::Ja), "午前0時15分");
        assert_eq!(time_of_day(12, 0, Lang::Ja), "午後0時0分");
        assert_eq!(time_of_day(14, 5, Lang::En), "2:05 pm");
        assert_eq!(time_of_day(0, 15, Lang::En), "12:15 am");
    }
}
