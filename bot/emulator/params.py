"""Decoding of Bot API request parameters as python-telegram-bot sends them.

PTB sends form-encoded bodies (multipart/form-data when a file is uploaded) in which string
values are sent raw and every other value (ints, bools, lists, dicts) JSON-encoded; see
``telegram/request/_requestparameter.py``. A raw string such as the text ``"42"`` is therefore
indistinguishable from the int 42, so string-typed parameters are recognised by name.
JSON bodies and query-string parameters are accepted as well.
"""

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from multidict import MultiMapping

from bot.emulator.errors import ApiError, bad_request

STRING_PARAMS = frozenset(
    {
        "action",
        "animation",
        "audio",
        "business_connection_id",
        "callback_query_id",
        "caption",
        "description",
        "document",
        "emoji",
        "file_id",
        "inline_message_id",
        "ip_address",
        "language_code",
        "message_effect_id",
        "name",
        "parse_mode",
        "photo",
        "query",
        "secret_token",
        "short_description",
        "sticker",
        "text",
        "thumbnail",
        "title",
        "url",
        "video",
        "voice",
    }
)


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str
    content: bytes
    content_type: str


@dataclass
class RequestParams:
    values: dict[str, Any]
    files: dict[str, Upload]


def decode_value(name: str, raw: str) -> Any:
    """Decode one form value: JSON unless the parameter is string-typed or not valid JSON."""
    if name in STRING_PARAMS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _decode_form(form: MultiMapping[Any]) -> RequestParams:
    params = RequestParams(values={}, files={})
    for name, value in form.items():
        if isinstance(value, web.FileField):
            params.files[name] = Upload(
                filename=value.filename,
                content=value.file.read(),
                content_type=value.content_type,
            )
        else:
            params.values[name] = decode_value(name, value)
    return params


async def read_params(request: web.Request) -> RequestParams:
    """Collect the parameters of a Bot API call from the query string and the body."""
    params = _decode_form(request.query)
    if request.method != "POST" or not request.can_read_body:
        return params
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError as exc:
            raise bad_request("can't parse JSON object") from exc
        if not isinstance(body, dict):
            raise bad_request("can't parse JSON object")
        params.values.update(body)
        return params
    try:
        form = await request.post()
    except web.HTTPRequestEntityTooLarge:
        raise ApiError(413, "Request Entity Too Large") from None
    body_params = _decode_form(form)
    params.values.update(body_params.values)
    params.files.update(body_params.files)
    return params
