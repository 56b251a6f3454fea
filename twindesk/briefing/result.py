"""What a build says besides the file: which font stood in for which role, which characters no
embedded font has (they print as □), said in either language."""

from pathlib import Path

from twindesk.domain.model.messages import Message, add_chinese

MISSING_NOTE = "{count} character(s) no embedded font can draw print as □: {chars}"
add_chinese({MISSING_NOTE: "{count} 个字符没有可嵌入的字体，印为 □：{chars}"})


class BriefFile(type(Path())):
    """The path of the pack written (a Path as before), with `notes`: Messages (`.text(lang)`)."""

    notes: tuple[Message, ...] = ()

    def notes_text(self, lang: str = "en") -> list[str]:
        return [note.text(lang) for note in self.notes]


def missing_note(missing: dict[str, int]) -> Message | None:
    if not missing:
        return None
    chars = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in sorted(missing)[:40])
    return Message(MISSING_NOTE, {"count": len(missing), "chars": chars})


def brief_file(path, role_fonts: dict | None, missing: dict[str, int]) -> BriefFile:
    out = BriefFile(path)
    notes = [r.note for r in (role_fonts or {}).values() if r.note is not None]
    seen = set()
    notes = [n for n in notes if not (n in seen or seen.add(n))]
    note = missing_note(missing)
    out.notes = tuple(notes + ([note] if note else []))
    return out
