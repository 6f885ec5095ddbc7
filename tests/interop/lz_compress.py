"""LZ-String compression (the UTF-16 form PRSM 2 saves), for making test files only.

The app only ever decompresses; this is the other half of pieroxy's algorithm so the tests
can write a PRSM 2 map, checked against the JavaScript library's published vector."""

from __future__ import annotations


def compress_to_utf16(text: str) -> str:
    return _compress(text, 15, lambda value: chr(value + 32)) + " "


def _compress(text: str, bits_per_char: int, char_of) -> str:
    dictionary: dict[str, int] = {}
    to_create: set[str] = set()
    w = ""
    state = {"enlarge": 2, "size": 3, "bits": 2, "val": 0, "pos": 0}
    out: list[str] = []

    def write(value: int, count: int) -> None:
        for _ in range(count):
            state["val"] = (state["val"] << 1) | (value & 1)
            if state["pos"] == bits_per_char - 1:
                state["pos"] = 0
                out.append(char_of(state["val"]))
                state["val"] = 0
            else:
                state["pos"] += 1
            value >>= 1

    def grow() -> None:
        state["enlarge"] -= 1
        if state["enlarge"] == 0:
            state["enlarge"] = 1 << state["bits"]
            state["bits"] += 1

    def emit(word: str) -> None:
        if word in to_create:
            code = ord(word[0])
            if code < 256:
                write(0, state["bits"])
                write(code, 8)
            else:
                write(1, state["bits"])
                write(code, 16)
            grow()
            to_create.discard(word)
        else:
            write(dictionary[word], state["bits"])
        grow()

    for c in text:
        if c not in dictionary:
            dictionary[c] = state["size"]
            state["size"] += 1
            to_create.add(c)
        wc = w + c
        if wc in dictionary:
            w = wc
        else:
            emit(w)
            dictionary[wc] = state["size"]
            state["size"] += 1
            w = c
    if w:
        emit(w)
    write(2, state["bits"])
    while True:
        state["val"] <<= 1
        if state["pos"] == bits_per_char - 1:
            out.append(char_of(state["val"]))
            break
        state["pos"] += 1
    return "".join(out)
