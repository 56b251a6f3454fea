"""Validation errors that name the field and say what is wrong in words a person understands."""

from dataclasses import dataclass

from twindesk.domain.model import labels, messages
from twindesk.store.environment_errors import (  # noqa: F401 - the window reads them from here
    ENVIRONMENT_ERROR_CONTEXT,
    MESSAGES,
    describe_environment_error,
    is_environment_error,
)
from twindesk.store.errors import UserError


@dataclass(frozen=True)
class FieldError:
    field: str  # the field's name in the record spec, e.g. "end_on"
    label: str  # the field's label as a person reads it, e.g. "End date"
    message: str  # e.g. "End date (2026-05-01) is before the start date (2026-05-03)."
    template: str = ""  # the message's template in twindesk.domain.model.messages, to say it in Chinese too
    params: tuple = ()  # its (name, value) pairs

    def __str__(self) -> str:
        return self.message

    def text(self, lang: str = "en") -> str:
        """The message in `lang` (zh_CN or en)."""
        return messages.render(self.template, dict(self.params), lang) if self.template else self.message


def field_error(field: str, field_label: str, template: str, /, **params) -> FieldError:
    """A FieldError whose message can be said in English and Chinese (templates in domain.messages)."""
    return FieldError(field, field_label, messages.render(template, params), template, tuple(params.items()))


class ValidationError(UserError):
    """One or more fields of one record are wrong; nothing was saved."""

    def __init__(self, record: str, errors: list[FieldError]):
        self.record = record
        self.errors = list(errors)
        super().__init__(" ".join(e.message for e in self.errors))

    def text(self, lang: str = "en") -> str:
        return ("" if lang.startswith("zh") else " ").join(e.text(lang) for e in self.errors)

    def for_field(self, name: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == name]


class NotFound(UserError):
    def __init__(self, record: str, record_id):
        self.record = record
        self.record_id = record_id
        super().__init__("There is no {record} with ID {id}.", record=messages.Both(record, labels.record_label(
            record, "zh_CN")), id=record_id)


class DeleteRefused(UserError):
    """Deleting would break other records; the message says which and what to do."""
