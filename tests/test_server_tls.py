"""TLS with the certificate checked (issue 16; docs/architecture.md, "PostgreSQL: the shared server").

A cluster of this module's own speaks only TLS over TCP (`hostssl`), with a certificate signed by an
office CA made here with openssl. A member of staff who gives `sslmode=verify-full` and the office's CA
reaches it encrypted; one given another CA is refused with the TLS message, before any password or data
crosses; one asking for no TLS is not let in at all.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from twindesk.store.server.address import ServerAddress
from twindesk.store.server.database import server_database
from twindesk.store.server.errors import ServerError, ServerTlsFailed

ONLY_TLS = """\
local all all trust
hostssl all all 127.0.0.1/32 trust
hostnossl all all 127.0.0.1/32 reject
"""


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def _authority(folder: Path, name: str) -> None:
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={name}",
             "-keyout", f"{name}.key", "-out", f"{name}.crt", cwd=folder)


def _server_certificate(folder: Path, ca: str) -> None:
    """server.crt for 127.0.0.1 only, signed by `ca`."""
    (folder / "san.cnf").write_text("subjectAltName = IP:127.0.0.1\n")
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
             "-out", "server.csr", cwd=folder)
    _openssl("x509", "-req", "-in", "server.csr", "-CA", f"{ca}.crt", "-CAkey", f"{ca}.key",
             "-CAcreateserial", "-days", "2", "-extfile", "san.cnf", "-out", "server.crt", cwd=folder)


@pytest.fixture(scope="module")
def tls_cluster(tmp_path_factory, pg_cluster):
    """(cluster, the office CA's file, another CA's file): a server that takes TLS connections only."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make the test certificates")
    from pg_cluster import PgCluster, server_binaries

    if not pg_cluster.owned:
        pytest.skip("needs a cluster of its own (not TWINDESK_TEST_PG_URL's server)")
    keys = tmp_path_factory.mktemp("tls")
    _authority(keys, "office-ca")
    _authority(keys, "other-ca")
    _server_certificate(keys, "office-ca")
    cluster = PgCluster.start_new(server_binaries())
    try:
        data = cluster.data
        for name in ("server.crt", "server.key"):
            shutil.copy(keys / name, data / name)
            if getattr(cluster, "_as_root", False):
                shutil.chown(data / name, "postgres", "postgres")
        (data / "server.key").chmod(0o600)
        with (data / "postgresql.conf").open("a") as conf:
            conf.write("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n")
        (data / "pg_hba.conf").write_text(ONLY_TLS)
        cluster.restart()
        cluster.run_sql("CREATE DATABASE office")
        yield cluster, keys / "office-ca.crt", keys / "other-ca.crt"
    finally:
        cluster.remove()


def _address(cluster, **tls) -> ServerAddress:
    return ServerAddress(host="127.0.0.1", port=cluster.port, database="office", user=cluster.superuser, **tls)


def _encrypted(address: ServerAddress) -> bool:
    db = server_database(address, None)
    try:
        db.connect()
        return db.execute_sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0]
    finally:
        db.close()


def test_the_office_ca_checks_the_server_and_the_connection_is_encrypted(tls_cluster):
    cluster, office_ca, _ = tls_cluster
    assert _encrypted(_address(cluster, sslmode="verify-full", sslrootcert=str(office_ca))) is True


def test_a_certificate_from_another_authority_is_refused_as_tls(tls_cluster):
    cluster, _, other_ca = tls_cluster
    address = _address(cluster, sslmode="verify-full", sslrootcert=str(other_ca))
    with pytest.raises(ServerTlsFailed) as refused:
        _encrypted(address)
    assert address.display() in str(refused.value)


def test_the_wrong_name_on_the_certificate_is_refused(tls_cluster):
    cluster, office_ca, _ = tls_cluster
    # The certificate names 127.0.0.1 only; the same server reached as "localhost" is not the one named.
    address = ServerAddress(host="localhost", port=cluster.port, database="office", user=cluster.superuser,
                            sslmode="verify-full", sslrootcert=str(office_ca))
    with pytest.raises(ServerError):
        _encrypted(address)


def test_a_connection_without_tls_is_not_let_in(tls_cluster):
    cluster, _, _ = tls_cluster
    with pytest.raises(ServerError):
        _encrypted(_address(cluster, sslmode="disable"))
