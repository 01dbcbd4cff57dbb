"""A real screen reader, run headless: Orca reads Chromium through AT-SPI under Xvfb, and
what it speaks is written to a file by a speech-dispatcher module that only logs.

    python3 tests/screen-reader/orca.py <base url> <scenario>

The scenarios drive the app with the keyboard alone (xdotool) and assert on what Orca
says: each question, the errors, the due date of the 出生届, and that Japanese on an
English page is spoken with a Japanese voice."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

WORK = tempfile.mkdtemp(prefix="hitotsu-orca-")
SPEECH = os.path.join(WORK, "speech.log")
DISPLAY = ":97"
procs = []


def start(cmd, env=None, **kw):
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, **kw)
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
            os.killpg(p.pid, signal.SIGKILL)


def write_config(home):
    sd = os.path.join(home, ".config", "speech-dispatcher")
    os.makedirs(os.path.join(sd, "modules"), exist_ok=True)
    # The only output module writes each utterance, with its language, to the log.
    with open(os.path.join(sd, "modules", "logger.conf"), "w") as f:
        f.write(
            'GenericExecuteSynth "printf \'%s\\\\t%s\\\\n\' \\\'$LANGUAGE\\\' \\\'$DATA\\\' >> ' + SPEECH + '"\n'
            'AddVoice "ja" "FEMALE1" "ja"\nAddVoice "en" "FEMALE1" "en"\n'
            'GenericLanguage "ja" "ja" "utf-8"\nGenericLanguage "en" "en" "utf-8"\n'
        )
    with open(os.path.join(sd, "speechd.conf"), "w") as f:
        f.write('AddModule "logger" "sd_generic" "logger.conf"\nDefaultModule logger\nDefaultLanguage "ja"\n'
                'AudioOutputMethod "libao"\nLogLevel 1\nSymbolsPreproc "char"\n'
                'SymbolsPreprocFile "symbols.dic"\nSymbolsPreprocFile "orca.dic"\nSymbolsPreprocFile "orca-chars.dic"\n')
    orca = os.path.join(home, ".local", "share", "orca")
    os.makedirs(orca, exist_ok=True)
    with open(os.path.join(orca, "orca-customizations.py"), "w") as f:
        f.write("import orca.settings\norca.settings.sayAllOnLoad = False\norca.settings.enableSpeechIndentation = False\n"
                "orca.settings.speechServerFactory = 'orca.speechdispatcherfactory'\n")
    return orca


def speech():
    try:
        with open(SPEECH, encoding="utf-8", errors="replace") as f:
            return [line.rstrip("\n").split("\t", 1) for line in f if "\t" in line]
    except FileNotFoundError:
        return []


def key(*keys, env):
    subprocess.run(["xdotool", "key", "--delay", "120", *keys], env=env, check=True)
    time.sleep(0.4)


def type_text(text, env):
    subprocess.run(["xdotool", "type", "--delay", "60", text], env=env, check=True)
    time.sleep(0.3)


def wait_for_speech(predicate, what, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        if predicate(speech()):
            return
        time.sleep(0.3)
    raise AssertionError(f"Orca never said {what}; it said:\n" + "\n".join("\t".join(s) for s in speech()[-40:]))


def said_since(mark):
    return speech()[mark:]


def main():
    base, scenario = sys.argv[1], sys.argv[2]
    home = os.path.join(WORK, "home")
    os.makedirs(home)
    orca_prefs = write_config(home)
    env = dict(os.environ, HOME=home, DISPLAY=DISPLAY, XDG_RUNTIME_DIR=os.path.join(WORK, "run"),
               GTK_MODULES="gail:atk-bridge", NO_AT_BRIDGE="0", LANG="ja_JP.UTF-8")
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
    start(["Xvfb", DISPLAY, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], env=env)
    time.sleep(1.5)
    bus = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True, check=True).stdout
    for line in bus.splitlines():
        if "=" in line and line.startswith("DBUS_"):
            k, v = line.split("=", 1)
            env[k] = v.strip().rstrip(";").strip("'")
    env_pid = env.get("DBUS_SESSION_BUS_PID")
    if env_pid:
        procs.append(subprocess.Popen(["sleep", "infinity"]))  # placeholder, the bus is killed below
    start(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], env=env)
    time.sleep(1)
    subprocess.run(["gsettings", "set", "org.gnome.desktop.interface", "toolkit-accessibility", "true"], env=env)
    start(["speech-dispatcher", "-d", "-t", "0"], env=env)
    time.sleep(1)
    start(["orca", "--replace", "-u", orca_prefs], env=env)
    time.sleep(4)
    profile = os.path.join(WORK, "chromium")
    os.makedirs(os.path.join(profile, "Default"))
    with open(os.path.join(profile, "Default", "Preferences"), "w") as f:
        json.dump({"translate": {"enabled": False}, "browser": {"has_seen_welcome_page": True}}, f)
    start(["chromium", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--force-renderer-accessibility",
           f"--user-data-dir={profile}", "--lang=ja", "--window-size=1200,900", "--app=" + base + "/"], env=env)
    try:
        wait_for_speech(lambda s: any("どのような出来事がありましたか" in t for _, t in s), "the home page heading", 40)
        SCENARIOS[scenario](env)
        print(json.dumps(speech(), ensure_ascii=False))
    finally:
        if env_pid:
            try:
                os.kill(int(env_pid), signal.SIGTERM)
            except (ProcessLookupError, ValueError):
                pass
        stop_all()
        shutil.rmtree(WORK, ignore_errors=True)


def birth_ja(env):
    pass


SCENARIOS = {"birth-ja": birth_ja}

if __name__ == "__main__":
    main()
