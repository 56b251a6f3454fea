"""A keyring backend that keeps passwords in a dict, for the tests: nothing reaches the machine's keyring."""

import contextlib

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.kept:
            raise keyring.errors.PasswordDeleteError("no such password")
        del self.kept[(service, username)]


@contextlib.contextmanager
def keyring_backend(backend):
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring():
    with keyring_backend(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def no_keyring():
    from keyring.backends import fail

    with keyring_backend(fail.Keyring()) as backend:
        yield backend
