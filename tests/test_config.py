import subprocess
import sys

import pytest

from bot.config import SettingsError, load_settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_defaults_give_a_working_demo_set_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    settings = load_settings(_env_file=None)
    assert settings.telegram_bot_token is None
    assert settings.database_url.startswith("sqlite:///var/")
    assert (settings.default_language, settings.timezone) == ("nl", "Europe/Brussels")


@pytest.mark.parametrize(
    ("variable", "value", "named"),
    [
        ("DEFAULT_LANGUAGE", "de", "DEFAULT_LANGUAGE"),
        ("TIMEZONE", "Mars/Olympus", "TIMEZONE"),
        ("TELEGRAM_BOT_TOKEN", "not-a-token", "TELEGRAM_BOT_TOKEN"),
        ("WEBHOOK_PORT", "99999", "WEBHOOK_PORT"),
        ("ACCREDITATION_ETHICS_POINTS_PER_YEAR", "25", "ACCREDITATION_ETHICS_POINTS_PER_YEAR"),
    ],
)
def test_a_bad_setting_is_named_in_one_line(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, named: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as refused:
        load_settings(_env_file=None)
    assert named in str(refused.value) and "\n" not in str(refused.value)


def test_the_token_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    settings = load_settings(_env_file=None)
    assert TOKEN not in repr(settings) and TOKEN not in str(settings.model_dump())


def test_start_up_stops_with_one_clear_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "db", "current"],
        env={"TIMEZONE": "Nowhere/Special", "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "kringbot: setting TIMEZONE is invalid: Value error, unknown time zone"
    ]


def test_secrets_are_blanked_in_log_messages_and_tracebacks(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from bot.app import keep_secrets_out_of_logs

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    logging.getLogger().addHandler(caplog.handler)
    keep_secrets_out_of_logs(load_settings(_env_file=None))
    log = logging.getLogger("test")
    log.warning("calling https://api.telegram.org/bot%s/getMe", TOKEN)
    try:
        raise RuntimeError(f"cannot reach /bot{TOKEN}/getUpdates")
    except RuntimeError:
        log.exception("failed")
    formatted = "\n".join(caplog.handler.format(record) for record in caplog.records)
    assert TOKEN not in formatted and "[secret]" in formatted
