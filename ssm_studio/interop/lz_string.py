"""LZ-String decompression (the UTF-16 and Base64 forms), for PRSM 2's compressed maps.

Written here because the Python port on PyPI fails on its own UTF-16 output and has not been
maintained since 2017. The algorithm is pieroxy's lz-string (MIT); the tests check it
against the JavaScript library's published vectors.
"""

from __future__ import annotations

_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
_URI_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$"
MAX_OUTPUT_CHARS = 256 * 1024 * 1024


class LzStringError(ValueError):
    pass


def decompress_from_utf16(text: str) -> str:
    return _decompress(len(text), 16384, lambda i: ord(text[i]) - 32)


def decompress_from_base64(text: str) -> str:
    table = {c: i for i, c in enumerate(_BASE64)}
    return _decompress(len(text), 32, lambda i: table[text[i]])


def decompress_from_uri(text: str) -> str:
    text = text.replace(" ", "+")
    table = {c: i for i, c in enumerate(_URI_SAFE)}
    return _decompress(len(text), 32, lambda i: table[text[i]])


def _decompress(length: int, reset: int, value_at) -> str:
    if length == 0:
        return ""
    dictionary: dict[int, str] = {0: "", 1: "", 2: ""}
    enlarge_in, dict_size, num_bits = 4, 4, 3
    state = {"val": value_at(0), "position": reset, "index": 1}

    def bits(count: int) -> int:
        result, power = 0, 1
        while power != 1 << count:
            resb = state["val"] & state["position"]
            state["position"] >>= 1
            if state["position"] == 0:
                state["position"] = reset
                if state["index"] >= length:
                    raise LzStringError("the compressed data ends too soon")
                state["val"] = value_at(state["index"])
                state["index"] += 1
            if resb:
                result |= power
            power <<= 1
        return result

    kind = bits(2)
    if kind == 2:
        return ""
    if kind not in (0, 1):
        raise LzStringError("the data does not start as LZ-String data does")
    c = chr(bits(8 if kind == 0 else 16))
    dictionary[3] = c
    w = c
    result = [c]
    total = 1
    while True:
        if state["index"] > length:
            raise LzStringError("the compressed data ends too soon")
        code = bits(num_bits)
        if code in (0, 1):
            dictionary[dict_size] = chr(bits(8 if code == 0 else 16))
            code = dict_size
            dict_size += 1
            enlarge_in -= 1
        elif code == 2:
            return "".join(result)
        if enlarge_in == 0:
            enlarge_in = 1 << num_bits
            num_bits += 1
        if code in dictionary:
            entry = dictionary[code]
        elif code == dict_size:
            entry = w + w[0]
        else:
            raise LzStringError("the compressed data is damaged")
        result.append(entry)
        total += len(entry)
        if total > MAX_OUTPUT_CHARS:
            raise LzStringError("the data expands beyond any real map's size")
        dictionary[dict_size] = w + entry[0]
        dict_size += 1
        enlarge_in -= 1
        w = entry
        if enlarge_in == 0:
            enlarge_in = 1 << num_bits
            num_bits += 1
