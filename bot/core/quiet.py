"""Quiet hours and night: when a normal (not urgent) message may reach a member, and whether it
should arrive without a notification sound. Local times are in the kring's time zone."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.models import Member

NIGHT = (time(22, 0), time(7, 0))


def within(moment: time, start: time, end: time) -> bool:
    """Is `moment` in [start, end)? The window may wrap around midnight (22:00–07:00)."""
    if start <= end:
        return start <= moment < end
    return moment >= start or moment < end


def deliver_at(member: Member, moment: datetime, zone: ZoneInfo, urgent: bool) -> datetime:
    """When a message due at `moment` reaches the member: at once if urgent or outside their
    quiet hours, else when their quiet hours end."""
    if urgent or member.quiet_from is None or member.quiet_until is None:
        return moment
    local = moment.astimezone(zone)
    if not within(local.time(), member.quiet_from, member.quiet_until):
        return moment
    end = datetime.combine(local.date(), member.quiet_until, zone)
    if end <= local:
        end = datetime.combine(local.date() + timedelta(days=1), member.quiet_until, zone)
    return end


def silent(moment: datetime, zone: ZoneInfo, urgent: bool) -> bool:
    """Normal messages sent at night arrive silently (Telegram's disable_notification)."""
    return not urgent and within(moment.astimezone(zone).time(), *NIGHT)
