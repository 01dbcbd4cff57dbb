"""A real screen reader, headless: Orca reads Chromium through AT-SPI under Xvfb, and what it
speaks is captured as text by a speech-dispatcher module that only writes each utterance,
with its language, to a file.

    python3 tests/screen-reader/orca.py <base url> <ja|en>

Goes through the birth flow from the home page to the plan with the keyboard alone
(xdotool) and asserts on what Orca says: each question's heading, the field's label, the
error when one is made, the due date of the 出生届, and — in English — that the Japanese on
the page is spoken with a Japanese voice. Exits non-zero, printing what was said, on the
first thing Orca did not say."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

WORK = tempfile.mkdtemp(prefix="hitotsu-orca-")
SPEECH = os.path.join(WORK, "speech.log")
DISPLAY = ":97"
procs = []

# Orca 43 knows the language of each piece of a page but speaks all of it with one voice;
# this makes its voice follow lang="ja" / lang="en", as later Orca versions do, so the log
# shows which voice would have spoken each piece.
CUSTOMIZATIONS = """
import orca.settings
orca.settings.sayAllOnLoad = False
import orca.speech_generator as _sg
from orca import speechserver as _ss
_voice = _sg.SpeechGenerator.voice
def _voice_with_language(self, key=None, **args):
    result = _voice(self, key, **args)
    language = (args.get('language') or '').split('-')[0]
    if language and result:
        family = dict(result[0].get('family') or {})
        family[_ss.VoiceFamily.LANG] = language
        family[_ss.VoiceFamily.DIALECT] = None
        family[_ss.VoiceFamily.NAME] = language
        result[0]['family'] = _ss.VoiceFamily(family)
    return result
_sg.SpeechGenerator.voice = _voice_with_language
"""


def start(cmd, env, log=None):
    out = open(log, "w") if log else subprocess.DEVNULL
    p = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    procs.append(p)
    return p


def stop_all():
    for p in reversed(procs):
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for p in procs:
        try:
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def configure(home):
    sd = os.path.join(home, ".config", "speech-dispatcher")
    os.makedirs(os.path.join(sd, "modules"))
    with open(os.path.join(sd, "modules", "logger.conf"), "w") as f:
        f.write(f"GenericExecuteSynth \"echo \\'$LANGUAGE|$DATA\\' >> {SPEECH}\"\n"
                'AddVoice "ja" "FEMALE1" "ja"\nAddVoice "en" "FEMALE1" "en"\n'
                'GenericLanguage "ja" "ja" "utf-8"\nGenericLanguage "en" "en" "utf-8"\n')
    with open(os.path.join(sd, "speechd.conf"), "w") as f:
        # No sound device here: libao's null driver takes the audio nobody hears.
        f.write('AddModule "logger" "sd_generic" "logger.conf"\nDefaultModule logger\n'
                'AudioOutputMethod "libao"\nDefaultLanguage "en"\n')
    with open(os.path.join(home, ".libao"), "w") as f:
        f.write("default_driver=null\n")
    prefs = os.path.join(home, ".local", "share", "orca")
    os.makedirs(prefs)
    with open(os.path.join(prefs, "orca-customizations.py"), "w") as f:
        f.write(CUSTOMIZATIONS)
    return prefs


def said():
    try:
        with open(SPEECH, encoding="utf-8", errors="replace") as f:
            return [tuple(line.rstrip("\n").split("|", 1)) for line in f if "|" in line]
    except FileNotFoundError:
        return []


class Reader:
    def __init__(self, env):
        self.env = env
        self.mark = 0

    def key(self, *keys):
        subprocess.run(["xdotool", "key", "--delay", "150", *keys], env=self.env, check=True)
        time.sleep(0.6)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--delay", "80", text], env=self.env, check=True)
        time.sleep(0.4)

    def since(self):
        return said()[self.mark:]

    def expect(self, text, lang=None, timeout=15):
        """Waits until Orca has said `text` (in `lang`, when given) since the last mark."""
        end = time.time() + timeout
        while time.time() < end:
            for i, (l, t) in enumerate(self.since()):
                if text in t and (lang is None or l == lang):
                    self.mark += i + 1
                    return
            time.sleep(0.3)
        spoken = "\n".join(f"{l}|{t}" for l, t in said()[-int(os.environ.get("ORCA_TAIL", "40")):])
        raise AssertionError(f"Orca did not say {text!r}{' in ' + lang if lang else ''}; the last it said:\n{spoken}")

    def tab_to(self, text, tries=25):
        """Presses Tab until Orca announces `text`."""
        for _ in range(tries):
            before = len(said())
            self.key("Tab")
            time.sleep(0.4)
            if any(text in t for _, t in said()[before:]):
                self.mark = len(said())
                return
        raise AssertionError(f"Tab never reached {text!r}")


def birth(r, lang):
    ja = lang == "ja"
    r.expect("どのような出来事がありましたか", "ja")
    if not ja:
        r.tab_to("English")
        r.key("Return")
        # The switch says it is pressed; focus stays on it.
        r.expect("pressed")
    r.tab_to("出生" if ja else "A birth")
    r.key("Return")
    first = "赤ちゃんが生まれた日はいつですか" if ja else "When was the baby born?"
    r.expect(first)
    # The field: its label and format hint, then an error when nothing is given.
    r.key("Tab")
    r.expect(first)
    r.expect("2026-04-16")
    r.key("Return")
    r.expect("日付を入力してください" if ja else "Enter the date")
    r.tab_to("日付を入力してください" if ja else "Enter the date")
    r.key("Return")
    r.expect("entry")
    r.type("2026-04-16")
    r.key("Return")
    questions = [
        ("赤ちゃんは日本国外で生まれましたか", "Was the baby born outside Japan?", 1),
        ("赤ちゃんの父または母は日本国籍ですか", "Is the baby's father or mother a Japanese national?", 0),
        ("日本国籍なのはどちらの親ですか", "Which parent is a Japanese national?", 0),
        ("上のお子さんの分の児童手当を、すでに受け取っていますか", "Do you already receive child allowance for an older child?", 1),
        ("赤ちゃんは誰の健康保険に入りますか", "Whose health insurance will the baby join?", 0),
        ("赤ちゃんのお母さんは、出産の前にどの健康保険に入っていましたか", "Which health insurance was the baby's mother in before the birth?", 1),
    ]
    for q_ja, q_en, option in questions:
        q = q_ja if ja else q_en
        r.expect(q)
        r.key("Tab")
        r.expect("radio button")
        # Browse mode: the arrow moves to the option, the space bar chooses it.
        for _ in range(option):
            r.key("Down")
        r.key("space")
        r.expect("selected")
        r.tab_to("次へ" if ja else "Continue")
        r.key("Return")
    weight = "生まれたときの体重は何グラムでしたか" if ja else "What did the baby weigh at birth, in grams?"
    r.expect(weight)
    r.key("Tab")
    r.type("2980")
    r.key("Return")
    after_weight = [
        ("出産費用に出産育児一時金の「直接支払制度」を使いましたか", "Did the hospital claim the childbirth lump sum for you", 0),
        ("出産にかかった費用の総額は、出産育児一時金", "Did the birth cost less in total than the childbirth lump sum", 1),
        ("赤ちゃんのために育児休業を取る親", "Will a parent insured in employment insurance take childcare leave", 1),
    ]
    for q_ja, q_en, option in after_weight:
        r.expect(q_ja if ja else q_en)
        r.key("Tab")
        for _ in range(option):
            r.key("Down")
        r.key("space")
        r.tab_to("次へ" if ja else "Continue")
        r.key("Return")
    try:
        r.expect("あなたの手続き一覧: 出生" if ja else "Your plan: A birth")
    except AssertionError:
        if os.environ.get("ORCA_DEBUG"):
            r.key("KP_Enter")
            time.sleep(2)
        raise
    # The due date of the 出生届: to its heading, then on to its due line.
    r.key("Escape")
    title = "出生届" if ja else "Birth notification ("
    for _ in range(30):
        before = len(said())
        r.key("h")
        heard = said()[before:]
        if any(t.startswith(title) for _, t in heard) and any("heading level 3" in t for _, t in heard):
            break
    else:
        raise AssertionError("no heading 出生届")
    if not ja:
        # The Japanese in an English heading is spoken with a Japanese voice.
        assert any(l == "ja" and t.strip(" .") == "出生届" for l, t in heard), heard
    r.mark = len(said())
    for _ in range(8):
        r.key("Down")
    r.expect("2026年4月30日" if ja else "Thu 30 April 2026")


def main():
    base, lang = sys.argv[1], sys.argv[2]
    home = os.path.join(WORK, "home")
    os.makedirs(home)
    prefs = configure(home)
    env = dict(os.environ, HOME=home, DISPLAY=DISPLAY, XDG_RUNTIME_DIR=os.path.join(WORK, "run"))
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
    start(["Xvfb", DISPLAY, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], env)
    time.sleep(1.5)
    bus = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True, check=True).stdout
    for line in bus.splitlines():
        if line.startswith("DBUS_") and "=" in line:
            k, v = line.split("=", 1)
            env[k] = v.strip().rstrip(";").strip("'")
    bus_pid = int(env["DBUS_SESSION_BUS_PID"])
    try:
        start(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], env)
        time.sleep(1)
        subprocess.run(["gsettings", "set", "org.gnome.desktop.interface", "toolkit-accessibility", "true"], env=env)
        subprocess.run(["speech-dispatcher", "-d", "-t", "0"], env=env, check=True, capture_output=True)
        debug = ["--debug-file=/tmp/work/orca-debug.out"] if os.environ.get("ORCA_DEBUG") else []
        start(["orca", "--replace", "-u", prefs, *debug], env, os.path.join(WORK, "orca.log"))
        time.sleep(5)
        profile = os.path.join(WORK, "chromium")
        os.makedirs(os.path.join(profile, "Default"))
        with open(os.path.join(profile, "Default", "Preferences"), "w") as f:
            json.dump({"translate": {"enabled": False}}, f)
        start(["chromium", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--force-renderer-accessibility",
               f"--user-data-dir={profile}", "--accept-lang=ja", "--window-size=1200,900", f"--app={base}/"], env)
        birth(Reader(env), lang)
        print(f"orca ({lang}): the birth flow was spoken from home to plan, {len(said())} utterances")
    except AssertionError as e:
        print(f"orca ({lang}): {e}", file=sys.stderr)
        if os.environ.get("ORCA_DEBUG"):
            time.sleep(2)
            print("after:", said()[-8:], file=sys.stderr)
        sys.exit(1)
    finally:
        try:
            os.kill(bus_pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        subprocess.run(["pkill", "-u", str(os.getuid()), "-f", "speech-dispatcher -d -t 0"], env=env)
        stop_all()
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
