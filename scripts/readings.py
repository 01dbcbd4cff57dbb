#!/usr/bin/env python3
"""Proposes readings (furigana) for every Japanese word the app shows, as data.

Run by a developer when texts change — never at build or run time:

    python3 -m venv /tmp/readings && /tmp/readings/bin/pip install fugashi unidic-lite
    /tmp/readings/bin/python scripts/readings.py            # writes public/catalog/readings.json

It reads every Japanese string of the catalog and of the interface text (src/ui_text.rs
and the app's sources), splits each with MeCab + UniDic, and keeps, for each word that
has a kanji, its reading with the kana around the kanji left bare (選んで → {選|えら}んで).
The analyser is not trusted blindly: OVERRIDES fixes the readings it gets wrong in this
domain (出生 is しゅっせい in law, 世帯主 is せたいぬし), and a word read two ways in the
texts is reported so a person decides. The app's counting words after a number (16日,
3か月, 2人) are read by a rule in the app (src/ruby.rs), not here.
"""
import glob
import json
import re
import sys
import unicodedata

import fugashi

KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々〆ヶ]")
# Words whose reading the analyser gets wrong here, or which must be read as one word:
# forced wherever they stand.
OVERRIDES = {
    "出生": "{出生|しゅっせい}", "出生届": "{出生|しゅっせい}{届|とどけ}", "出生地": "{出生|しゅっせい}{地|ち}", "出生日": "{出生|しゅっせい}{日|び}",
    "出生時": "{出生|しゅっせい}{時|じ}", "出生月": "{出生|しゅっせい}{月|づき}", "世帯主": "{世帯主|せたいぬし}", "届出": "{届出|とどけで}",
    "届出人": "{届出人|とどけでにん}", "届出地": "{届出地|とどけでち}", "届出期間": "{届出|とどけで}{期間|きかん}", "続柄": "{続柄|つづきがら}", "遺言": "{遺言|ゆいごん}",
    "遺言書": "{遺言書|ゆいごんしょ}", "本籍地": "{本籍地|ほんせきち}", "施行規則": "{施行|しこう}{規則|きそく}", "施行令": "{施行令|しこうれい}",
    "被扶養者": "{被扶養者|ひふようしゃ}", "被保険者": "{被保険者|ひほけんしゃ}", "受給者証": "{受給者証|じゅきゅうしゃしょう}", "喪主": "{喪主|もしゅ}",
    "埋葬料": "{埋葬料|まいそうりょう}", "葬祭費": "{葬祭費|そうさいひ}", "相続放棄": "{相続|そうぞく}{放棄|ほうき}", "限定承認": "{限定|げんてい}{承認|しょうにん}",
    "検認": "{検認|けんにん}", "除票": "{除票|じょひょう}", "除籍": "{除籍|じょせき}", "原戸籍": "{原戸籍|はらこせき}", "謄本": "{謄本|とうほん}",
    "抄本": "{抄本|しょうほん}", "準確定申告": "{準確定|じゅんかくてい}{申告|しんこく}", "一時金": "{一時金|いちじきん}", "手当": "{手当|てあて}", "手当て": "{手当|てあ}て",
    "今日": "{今日|きょう}", "明日": "{明日|あした}", "一人": "{一人|ひとり}", "二人": "{二人|ふたり}", "日本": "{日本|にほん}", "何グラム": "{何|なん}グラム",
    "何日": "{何|なん}{日|にち}", "亡くなった方": "{亡|な}くなった{方|かた}", "初日": "{初日|しょにち}", "翌日": "{翌日|よくじつ}", "翌月": "{翌月|よくげつ}",
    "前日": "{前日|ぜんじつ}", "当日": "{当日|とうじつ}", "同日": "{同日|どうじつ}", "末日": "{末日|まつじつ}", "日付": "{日付|ひづけ}",
    "生年月日": "{生年月日|せいねんがっぴ}", "年月日": "{年月日|ねんがっぴ}", "日曜": "{日曜|にちよう}", "祝日": "{祝日|しゅくじつ}", "休日": "{休日|きゅうじつ}",
    "年末年始": "{年末年始|ねんまつねんし}", "国外": "{国外|こくがい}", "日本国籍": "{日本|にほん}{国籍|こくせき}", "国籍": "{国籍|こくせき}", "日本国外": "{日本|にほん}{国外|こくがい}", "在外公館": "{在外|ざいがい}{公館|こうかん}", "入管": "{入管|にゅうかん}", "子ども": "{子|こ}ども",
    "お子さん": "お{子|こ}さん", "数え方": "{数|かぞ}え{方|かた}", "数えます": "{数|かぞ}えます", "方法": "{方法|ほうほう}", "点字": "{点字|てんじ}",
    "祖父母": "{祖父母|そふぼ}", "兄弟姉妹": "{兄弟姉妹|きょうだいしまい}", "配偶者": "{配偶者|はいぐうしゃ}", "直系尊属": "{直系|ちょっけい}{尊属|そんぞく}",
    "代襲相続": "{代襲|だいしゅう}{相続|そうぞく}", "住民票": "{住民票|じゅうみんひょう}", "戸籍": "{戸籍|こせき}", "市区町村": "{市区町村|しくちょうそん}",
    "都道府県": "{都道府県|とどうふけん}", "年金": "{年金|ねんきん}", "未支給": "{未支給|みしきゅう}", "寡婦": "{寡婦|かふ}", "軽自動車": "{軽自動車|けいじどうしゃ}",
    "運輸支局": "{運輸|うんゆ}{支局|しきょく}", "翌月分": "{翌月|よくげつ}{分|ぶん}", "の年金": "の{年金|ねんきん}", "引越した": "{引越|ひっこ}した",
    "年代": "{年代|ねんだい}", "の年代": "の{年代|ねんだい}", "令和": "{令和|れいわ}", "平成": "{平成|へいせい}", "昭和": "{昭和|しょうわ}",
    "大正": "{大正|たいしょう}", "明治": "{明治|めいじ}",
    # Decided by a person where the analyser reads otherwise (or cannot know the context).
    "お金": "お{金|かね}", "亡くなった年": "{亡|な}くなった{年|とし}", "前の年": "{前|まえ}の{年|とし}", "その年": "その{年|とし}",
    "相続人の数": "{相続人|そうぞくにん}の{数|かず}", "葬儀を行った": "{葬儀|そうぎ}を{行|おこな}った", "埋葬を行った": "{埋葬|まいそう}を{行|おこな}った",
    "翌月分から": "{翌月|よくげつ}{分|ぶん}から", "何も": "{何|なに}も", "何が": "{何|なに}が", "何を": "{何|なに}を", "町役場": "{町役場|ちょうやくば}",
    "その他": "その{他|た}", "他の": "{他|ほか}の", "中学校": "{中学校|ちゅうがっこう}", "小学校": "{小学校|しょうがっこう}", "数日": "{数日|すうじつ}",
    "見えにくい方": "{見|み}えにくい{方|かた}", "動かしにくい方": "{動|うご}かしにくい{方|かた}", "高齢の方": "{高齢|こうれい}の{方|かた}",
    "慣れていない方": "{慣|な}れていない{方|かた}", "お持ちの方": "お{持|も}ちの{方|かた}",
    "引越しされる方": "{引越|ひっこ}しされる{方|かた}", "火葬場": "{火葬場|かそうば}", "済み": "{済|す}み", "最終日": "{最終日|さいしゅうび}", "数字": "{数字|すうじ}",
}
# A lone kanji's reading when nothing around it says otherwise; where the analyser reads
# it another way in a compound (相続人: にん), that compound is kept too.
DEFAULTS = {
    "何": "{何|なに}", "方": "{方|かた}", "日にち": "{日|ひ}にち", "日": "{日|ひ}", "月": "{月|つき}", "子": "{子|こ}", "者": "{者|もの}",
    "等": "{等|とう}", "分": "{分|ぶん}", "人": "{人|ひと}", "数": "{数|かず}", "上": "{上|うえ}", "下": "{下|した}", "中": "{中|なか}",
    "後": "{後|あと}", "前": "{前|まえ}", "間": "{間|あいだ}", "内": "{内|うち}", "外": "{外|そと}", "先": "{先|さき}", "元": "{元|もと}",
    "主": "{主|おも}", "他": "{他|ほか}", "町": "{町|まち}", "市": "{市|し}", "区": "{区|く}", "村": "{村|むら}", "所": "{所|ところ}",
    "家": "{家|いえ}", "私": "{私|わたし}", "国": "{国|くに}", "書": "{書|しょ}", "届": "{届|とどけ}", "票": "{票|ひょう}", "証": "{証|しょう}",
    "法": "{法|ほう}", "条": "{条|じょう}", "項": "{項|こう}", "号": "{号|ごう}", "令": "{令|れい}", "額": "{額|がく}", "夫": "{夫|おっと}",
    "妻": "{妻|つま}", "親": "{親|おや}",
}

def kana(s):
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in s)

def annotate(surface, reading):
    """{漢字|よみ} over each kanji run, the kana of the surface left bare (okurigana)."""
    reading = kana(reading)
    parts = re.findall(r"[\u3400-\u9fff\uf900-\ufaff々〆ヶ]+|[^\u3400-\u9fff\uf900-\ufaff々〆ヶ]+", surface)
    pattern = "".join("(.+?)" if KANJI.match(p) else "(" + re.escape(kana(p)) + ")" for p in parts)
    m = re.fullmatch(pattern, reading)
    if not m:
        return None
    return "".join("{" + p + "|" + r + "}" if KANJI.match(p) else p for p, r in zip(parts, m.groups()))

LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')

def strings():
    """Every Japanese text the app can show, with where it is."""
    out = []
    def walk(x, where):
        if isinstance(x, dict):
            for k, v in x.items():
                walk(v, f"{where}.{k}")
        elif isinstance(x, list):
            for i, v in enumerate(x):
                walk(v, f"{where}[{i}]")
        elif isinstance(x, str) and KANJI.search(x):
            out.append((where, x))
    for f in sorted(glob.glob("public/catalog/*.json")):
        if not f.endswith("readings.json"):
            walk(json.load(open(f)), f)
    for f in ["src/ui_text.rs"] + sorted(glob.glob("src/app/**/*.rs", recursive=True)):
        for n, line in enumerate(open(f), 1):
            if line.strip().startswith("//"):
                continue
            for lit in LITERAL.findall(line):
                if KANJI.search(lit):
                    out.append((f"{f}:{n}", lit))
    return out

COUNTER_AFTER_DIGIT = re.compile(r"(?<=[0-9０-９}])(?:か月|週間|日間|時間|日|月|年|人|歳|条|項|号|円|万円|回|件|桁|時|分|通|枚|部|名|か所|年度)")

COUNTERS = ["か月", "ヶ月", "週間", "時間", "日間", "万円", "年度", "か所", "日", "月", "年", "人", "歳", "条", "項", "号",
            "円", "回", "件", "桁", "時", "通", "枚", "名"]

WEEKDAYS = dict(zip("月火水木金土日", ["げつ", "か", "すい", "もく", "きん", "ど", "にち"]))

def ruby(words, longest, text, spans=None):
    """What the app shows (src/ruby.rs, Lexicon::pieces): [(start, end, reading)]; the
    lexicon words it matched go to spans as (start, end, word)."""
    out, i = [], 0
    while i < len(text):
        if text[i].isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            counter = next((c for c in COUNTERS if text.startswith(c, j)), None)
            i = j + (len(counter) if counter else 0)
            continue
        if 0 < i < len(text) - 1 and text[i - 1] in "（(" and text[i + 1] in "）)" and text[i] in WEEKDAYS:
            out.append((i, i + 1, WEEKDAYS[text[i]]))
            i += 1
            continue
        for n in range(min(longest, len(text) - i), 0, -1):
            marked = words.get(text[i:i + n])
            if marked:
                if spans is not None:
                    spans.append((i, i + n, text[i:i + n]))
                pos = i
                for m in re.finditer(r"\{([^|}]*)\|([^}]*)\}|[^{]+", marked):
                    if m.group(1):
                        out.append((pos, pos + len(m.group(1)), m.group(2)))
                        pos += len(m.group(1))
                    else:
                        pos += len(m.group(0))
                i += n
                break
        else:
            i += 1
    return out

def pieces_of(text):
    """The text between placeholders and numbers with their counting words."""
    return re.split(r"\{[^}]*\}|[0-9０-９]+(?:" + "|".join(COUNTERS) + ")?", unicodedata.normalize("NFC", text))

def main():
    tagger = fugashi.Tagger()
    texts = strings()
    seen, unread = {}, []
    occurrences = []  # (where, piece, start, surface, annotation)
    for where, text in texts:
        for piece in pieces_of(text):
            pos = 0
            for w in tagger(piece):
                start = piece.index(w.surface, pos)
                pos = start + len(w.surface)
                if not KANJI.search(w.surface):
                    continue
                ann = OVERRIDES.get(w.surface) or (annotate(w.surface, w.feature.kana) if w.feature.kana else None)
                if not ann:
                    unread.append((where, w.surface, w.feature.kana))
                    continue
                seen.setdefault(w.surface, {}).setdefault(ann, []).append(where)
                occurrences.append((where, piece, start, w.surface, ann))
    # A word's usual reading is the one it has with nothing before it (済み alone is すみ),
    # else the commonest.
    alone = {}
    for where, piece, start, surface, ann in occurrences:
        if start == 0 or not piece[start - 1].strip() or piece[start - 1] in "、。「」（）・：":
            alone.setdefault(surface, {}).setdefault(ann, 0)
            alone[surface][ann] += 1
    words = {}
    for surface, anns in seen.items():
        usual = alone.get(surface) or {a: len(w) for a, w in anns.items()}
        words[surface] = DEFAULTS.get(surface) or max(usual, key=usual.get)
    words.update(OVERRIDES)
    # A word read another way after another kanji word (作成済み beside 済み) is kept as
    # that compound, so the longest match finds it. After kana there is no such key: it
    # would start at the kana and hide the word before it; OVERRIDES says those.
    for where, piece, start, surface, ann in occurrences:
        if words.get(surface) == ann or surface in OVERRIDES or start == 0:
            continue
        before = piece[:start]
        prev = list(tagger(before))
        prev = prev[-1] if prev else None
        if (prev is not None and before.endswith(prev.surface) and KANJI.search(prev.surface)
                and prev.surface in words and prev.surface + surface not in OVERRIDES):
            words[prev.surface + surface] = words[prev.surface] + ann
    # Only the words some text shows are kept: the lexicon is downloaded.
    longest = max(len(k) for k in words)
    used = set()
    for where, text in texts:
        for piece in pieces_of(text):
            spans = []
            ruby(words, longest, piece, spans)
            used.update(w for _, _, w in spans)
    words = {k: v for k, v in words.items() if k in used}
    # Check: the app, with this lexicon, reads every string as intended.
    longest = max(len(k) for k in words)
    wrong = 0
    for where, text in texts:
        for piece in pieces_of(text):
            shown = ruby(words, longest, piece)
            kanji_read = set()
            for a, b, _ in shown:
                kanji_read.update(range(a, b))
            missing = [c for k, c in enumerate(piece) if KANJI.match(c) and k not in kanji_read]
            if missing:
                wrong += 1
                print(f"no reading for {''.join(missing)} in {piece!r} at {where}", file=sys.stderr)
    # And reads each word as the analyser (or OVERRIDES) does where the word stands.
    differ = 0
    by_piece = {}
    for where, piece, start, surface, ann in occurrences:
        if piece not in by_piece:
            spans = []
            by_piece[piece] = (ruby(words, longest, piece, spans), spans)
        shown, spans = by_piece[piece]
        end = start + len(surface)
        if surface in WEEKDAYS and piece[start - 1:start] in ("（", "(") and piece[end:end + 1] in ("）", ")"):
            continue  # a day of the week, read by the rule
        if any(a <= start and end <= b and b - a > end - start and w in OVERRIDES for a, b, w in spans):
            continue  # read as part of a longer word a person decided
        if any(a < start < b or a < end < b for a, b, _ in shown):
            continue  # read as part of a longer word of the lexicon
        got = [(a - start, r) for a, b, r in shown if start <= a and b <= end]
        want, pos = [], 0
        for m in re.finditer(r"\{([^|}]*)\|([^}]*)\}|[^{]+", ann):
            if m.group(1):
                want.append((pos, m.group(2)))
                pos += len(m.group(1))
            else:
                pos += len(m.group(0))
        if got != want:
            differ += 1
            print(f"read otherwise: {surface} shown {got}, meant {ann} in {piece!r} at {where}", file=sys.stderr)
    for where, surface, reading in unread:
        print(f"analyser has no reading: {surface} ({reading}) at {where}", file=sys.stderr)
    out = {"about": "Readings shown over kanji (furigana). Made by scripts/readings.py, checked by hand.",
           "words": dict(sorted(words.items()))}
    open("public/catalog/readings.json", "w").write(json.dumps(out, ensure_ascii=False, indent=0) + "\n")
    print(f"{len(words)} words; {wrong} pieces with a kanji unread; {differ} words read otherwise", file=sys.stderr)

if __name__ == "__main__":
    main()
