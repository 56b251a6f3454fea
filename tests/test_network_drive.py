"""A database on a network drive is refused for writing by the command line and pointed to the shared
server (docs/architecture.md, "A database on a network drive")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import make_filled_database

from twindesk import cli
from twindesk.domain import workspace
from twindesk.store import network_drive
from twindesk.store.network_drive import DatabaseOnNetworkDrive, is_unc_path, mount_type, network_filesystem

# Lines as Linux writes them (proc(5)): an ext4 root, an NFSv4 and a CIFS share, a tmpfs, a bind mount.
MOUNTINFO = """\
22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
25 22 0:23 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
41 22 0:45 / /srv/office rw,relatime shared:30 - nfs4 fileserver:/export/office rw,vers=4.2,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=10.0.0.5,local_lock=none,addr=10.0.0.2
43 22 0:47 / /mnt/share\\040drive rw,relatime shared:32 - cifs //nas/外事办 rw,vers=3.1.1,cache=strict,username=wang,uid=1000,noforceuid,gid=1000,addr=10.0.0.3,file_mode=0755,dir_mode=0755,soft,nounix,serverino,mapposix,rsize=4194304,wsize=4194304
45 41 0:48 / /srv/office/local rw,relatime shared:33 - tmpfs tmpfs rw,size=102400k
47 22 259:2 /home/wang/db /mnt/bound rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw
49 22 0:50 / /media/ssh rw,nosuid,nodev,relatime shared:35 - fuse.sshfs wang@laptop:/home rw,user_id=0,group_id=0
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/srv/office/twindesk.db", "nfs4"),
    ("/srv/office", "nfs4"),
    ("/srv/officeplus/twindesk.db", "ext4"),  # a name that only starts like the mount point
    ("/srv/office/local/twindesk.db", "tmpfs"),  # a mount inside the share
    ("/mnt/share drive/办公/twindesk.db", "cifs"),  # mountinfo's \040 is a space
    ("/mnt/bound/twindesk.db", "ext4"),
    ("/media/ssh/wang/t.db", "fuse.sshfs"),
    ("/home/wang/t.db", "ext4"),
])
def test_the_mount_of_a_path_from_real_mountinfo_lines(path, expected):
    assert mount_type(path, MOUNTINFO) == expected


def test_network_filesystem_reads_the_mountinfo_it_is_given(tmp_path):
    table = tmp_path / "mountinfo"
    folder = os.path.realpath(tmp_path)
    table.write_text(MOUNTINFO + f"60 22 0:60 / {folder} rw - cifs //nas/share rw,vers=3.0\n", encoding="utf-8")
    assert network_filesystem(tmp_path / "t.db", platform="linux", mountinfo=table) == "cifs"
    assert network_filesystem(tmp_path / "new" / "t.db", platform="linux", mountinfo=table) == "cifs"  # not yet made
    table.write_text(MOUNTINFO + f"60 22 0:60 / {folder} rw - tmpfs tmpfs rw\n", encoding="utf-8")
    assert network_filesystem(tmp_path / "t.db", platform="linux", mountinfo=table) is None
    assert network_filesystem(tmp_path / "t.db", platform="linux", mountinfo=tmp_path / "missing") is None


def test_this_machines_own_folders_are_not_network_drives(tmp_path):
    assert network_filesystem(tmp_path / "t.db") is None  # the real /proc/self/mountinfo: tmp is local


@pytest.mark.parametrize(("text", "unc"), [
    (r"\\fileserver\office\twindesk.db", True),
    ("//fileserver/office/twindesk.db", True),
    (r"\\?\UNC\fileserver\office\twindesk.db", True),
    (r"\\?\C:\Users\wang\twindesk.db", False),  # a long local path
    (r"\\.\PhysicalDrive0", False),
    (r"C:\Users\wang\twindesk.db", False),
    ("/home/wang/twindesk.db", False),
    (r"\\server", False),  # no share
])
def test_unc_paths_by_their_string_on_any_platform(text, unc):
    assert is_unc_path(text) is unc
    if unc:
        assert network_filesystem(text, platform="win32") == "unc"


@pytest.fixture
def on_a_share(tmp_path, monkeypatch) -> Path:
    """A filled database whose folder the (injected) mount table says is an NFS share."""
    path = tmp_path / "office.db"
    make_filled_database(path)
    table = tmp_path / "mountinfo"
    table.write_text(MOUNTINFO + f"60 22 0:60 / {os.path.realpath(tmp_path)} rw - nfs4 srv:/x rw\n", encoding="utf-8")
    monkeypatch.setattr(network_drive, "MOUNTINFO", table)
    return path


def test_writing_commands_refuse_a_database_on_a_share_and_point_to_the_server(on_a_share, tmp_path, capsys):
    before = on_a_share.read_bytes()
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.6\n" + b"x" * 100 + b"%%EOF\n")
    for argv in (["demo"], ["attach", "partner:1", str(tmp_path / "a.pdf")], ["restore", str(on_a_share) + ".bak"]):
        assert cli.main([*argv, "--db", str(on_a_share)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("twindesk: error: ") and "is on a network drive (nfs4)" in err, err
        assert "--database-url" in err and "--allow-network-drive" in err
    assert on_a_share.read_bytes() == before
    assert cli.main(["--lang", "zh_CN", "demo", "--db", str(on_a_share)]) == 2
    assert "位于网络驱动器（nfs4）上" in capsys.readouterr().err


def test_reading_works_and_allow_network_drive_lets_a_write_through(on_a_share, tmp_path, capsys):
    assert cli.main(["export", str(tmp_path / "out.xlsx"), "--db", str(on_a_share)]) == 0
    assert cli.main(["check", "--db", str(on_a_share)]) == 0
    capsys.readouterr()
    assert cli.main(["demo", "--force", "--db", str(on_a_share), "--allow-network-drive"]) == 0
    assert cli.main(["--allow-network-drive", "demo", "--force", "--db", str(on_a_share)]) == 0
    capsys.readouterr()
    workspace.refuse_network_drives(True)
    try:
        with pytest.raises(DatabaseOnNetworkDrive):
            workspace.open_workspace(on_a_share)
        workspace.open_workspace(on_a_share, read_only=True)  # reading is never refused
        workspace.close()
    finally:
        workspace.refuse_network_drives(False)
    workspace.open_workspace(on_a_share)  # outside a command (the window asks itself): opened
    workspace.close()
