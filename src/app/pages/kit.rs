//! `/_kit` (debug builds only): every control of the form kit in each of its states, for
//! the kit's own browser tests. A citizen's build does not have it.

use crate::app::components::form::{
    Checkbox, Checkboxes, DateInput, ErrorSummary, FileInput, Label, Radios, Reveal, Select,
    TextInput, Width,
};
use crate::app::components::layout::PageHeading;
use crate::app::components::text::Mixed;
use leptos::prelude::*;

fn s(text: &'static str) -> Signal<String> {
    Signal::derive(move || text.to_string())
}

fn none() -> Signal<Option<String>> {
    Signal::derive(|| None)
}

fn err(text: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || Some(text.to_string()))
}

fn prefectures() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        ["北海道", "青森県", "岩手県", "宮城県", "東京都"]
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("{:02}", i + 1), p.to_string()))
            .collect()
    })
}

fn options() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        vec![
            ("a".to_string(), "はい".to_string()),
            ("b".to_string(), "いいえ".to_string()),
        ]
    })
}

#[component]
pub fn KitPage() -> impl IntoView {
    let typed = RwSignal::new("山田 太郎".to_string());
    let empty = RwSignal::new(String::new());
    let date = RwSignal::new("令和8年4月16日".to_string());
    let bad_date = RwSignal::new("2026-02-30".to_string());
    let chosen = RwSignal::new("b".to_string());
    let revealed = RwSignal::new("b".to_string());
    let ticked = RwSignal::new(vec!["a".to_string()]);
    let nothing = RwSignal::new(Vec::<String>::new());
    let on = RwSignal::new(true);
    // The controls a test changes write back, so reveals and ticks can be seen to work.
    let typing = RwSignal::new(String::new());
    let set_revealed = Callback::new(move |v: String| revealed.set(v));
    let set_ticked = Callback::new(move |v: Vec<String>| ticked.set(v));
    let set_typing = Callback::new(move |v: String| typing.set(v));
    let off = RwSignal::new(false);
    let ignore = Callback::new(|_: String| {});
    let ignore_list = Callback::new(|_: Vec<String>| {});
    let ignore_bool = Callback::new(|_: bool| {});
    let picked = RwSignal::new(String::new());
    let set_picked = Callback::new(move |v: String| picked.set(v));
    let tokyo = RwSignal::new("05".to_string());
    let fixed = Signal::derive(|| true);
    let file = NodeRef::<leptos::html::Input>::new();
    let file_error = NodeRef::<leptos::html::Input>::new();
    view! {
        <div class="page">
            <PageHeading text=s("Form kit")/>
            <section data-kit="text-empty"><TextInput id="t1" label=Label::Plain(s("氏名")) error=none() value=typing on_input=set_typing/></section>
            <section data-kit="text-filled"><TextInput id="t2" label=Label::Plain(s("氏名")) hint=s("戸籍のとおりに") error=none() value=typed on_input=ignore autocomplete="name"/></section>
            <section data-kit="text-error"><TextInput id="t3" label=Label::Plain(s("郵便番号")) hint=s("例：100-0001") error=err("郵便番号は7桁で入力してください") value=empty on_input=ignore width=Width::Medium inputmode="numeric"/></section>
            <section data-kit="text-unit"><TextInput id="t5" label=Label::Plain(s("体重")) error=none() value=empty on_input=ignore width=Width::Short inputmode="numeric" suffix=s("g")/></section>
            <section data-kit="date-empty"><DateInput id="d1" label=Label::Plain(s("生年月日")) error=none() value=empty on_input=ignore autocomplete="bday"/></section>
            <section data-kit="date-filled"><DateInput id="d2" label=Label::Plain(s("届出日")) hint=s("今日の日付です") error=none() value=date on_input=ignore/></section>
            <section data-kit="date-error"><DateInput id="d3" label=Label::Plain(s("届出日")) error=err("日付は 2026-04-16 のように入力してください") value=bad_date on_input=ignore/></section>
            <section data-kit="radios-empty"><Radios name="r1" legend=Label::Plain(s("性別")) error=none() options=options() value=empty on_change=ignore/></section>
            <section data-kit="radios-chosen"><Radios name="r2" legend=Label::Plain(s("性別")) hint=s("戸籍のとおりに") error=none() options=options() value=chosen on_change=ignore/></section>
            <section data-kit="radios-error"><Radios name="r3" legend=Label::Plain(s("性別")) error=err("性別を選んでください") options=options() value=empty on_change=ignore/></section>
            <section data-kit="radios-revealed">
                <Radios name="r4" legend=Label::Plain(s("母")) error=none() options=options() value=revealed on_change=set_revealed
                    reveal=Reveal { when: "b".into(), view: ViewFn::from(move || view! {
                        <TextInput id="t4" label=Label::Plain(s("氏名")) error=none() value=empty on_input=ignore/>
                    }) }/>
            </section>
            <section data-kit="checkboxes-empty"><Checkboxes name="c1" legend=Label::Plain(s("引越しする人")) error=none() options=options() values=nothing on_change=ignore_list/></section>
            <section data-kit="checkboxes-ticked"><Checkboxes name="c2" legend=Label::Plain(s("引越しする人")) hint=s("全員を選んであります") error=none() options=options() values=ticked on_change=set_ticked/></section>
            <section data-kit="checkboxes-error"><Checkboxes name="c3" legend=Label::Plain(s("引越しする人")) error=err("1人以上選んでください") options=options() values=nothing on_change=ignore_list/></section>
            <section data-kit="checkbox-off"><Checkbox id="x1" checked=off on_change=ignore_bool><Mixed text=s("同意します")/></Checkbox></section>
            <section data-kit="checkbox-on"><Checkbox id="x2" checked=on on_change=ignore_bool><Mixed text=s("同意します")/></Checkbox></section>
            <section data-kit="checkbox-error"><Checkbox id="x3" checked=off on_change=ignore_bool error=err("少なくとも1つ選んでください")><Mixed text=s("同意します")/></Checkbox></section>
            <section data-kit="select-empty"><Select id="s1" label=Label::Plain(s("都道府県")) error=none() options=prefectures() value=picked on_change=set_picked/></section>
            <section data-kit="select-chosen"><Select id="s2" label=Label::Plain(s("都道府県")) hint=s("本籍のある都道府県") error=none() options=prefectures() value=tokyo on_change=ignore/></section>
            <section data-kit="select-error"><Select id="s3" label=Label::Plain(s("都道府県")) error=err("都道府県を選んでください") options=prefectures() value=empty on_change=ignore/></section>
            <section data-kit="select-disabled"><Select id="s4" label=Label::Plain(s("都道府県")) hint=s("前の答えから決まっています") error=none() options=prefectures() value=tokyo on_change=ignore disabled=fixed/></section>
            <section data-kit="file-empty"><FileInput id="f1" label=Label::Plain(s("ファイル")) hint=s("書き出したファイル") error=none() accept=".json" node_ref=file/></section>
            <section data-kit="file-error"><FileInput id="f2" label=Label::Plain(s("ファイル")) error=err("ファイルを選んでください") accept=".json" node_ref=file_error/></section>
            <section data-kit="summary"><ErrorSummary errors=Signal::derive(|| vec![("t3".to_string(), "郵便番号は7桁で入力してください".to_string()), ("r3-a".to_string(), "性別を選んでください".to_string())])/></section>
        </div>
    }
}
