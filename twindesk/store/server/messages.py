"""The shared server's messages: the English templates store/server/errors.py raises, and the Chinese of
those and of store/server/address.py's and domain/server_session.py's (see store.messages)."""

UNREACHABLE = ("Cannot reach the database server for {server}: {reason}. Check that the server is running, "
               "the host name and port, and the network")
LOGIN_FAILED = ("The database server refused the login for {server}: {reason}. Check the user name and "
                "password (the keyring, ~/.pgpass or the service file)")
NO_PERMISSION = ("The database server does not allow this for {server}: {reason}. An administrator grants "
                 "TwinDesk's roles (twindesk_reader, twindesk_editor, twindesk_admin)")
TLS_FAILED = ("The secure (TLS) connection to {server} failed: {reason}. Check the server's TLS set-up, or the "
              "certificate file (sslrootcert) that vouches for it")
NO_DATABASE = ("{server}: the database does not exist; an administrator creates it and runs "
               "twindesk server init --database-url URL")
NOT_INITIALIZED = ("{server}: the database holds no TwinDesk tables; an administrator sets it up with "
                   "twindesk server init --database-url URL")
NEWER_SCHEMA = ("{server}: the database has schema {version}, newer than this TwinDesk knows ({newest}); "
                "update TwinDesk to use it")
OLDER_SCHEMA = ("{server}: the database has schema {version} and needs an upgrade to {newest}, which this "
                "TwinDesk cannot do on a server yet; ask the administrator")
CONNECTION_LOST = ("The connection to {server} was lost ({reason}); nothing of the change under way was "
                   "saved. Reconnect and try again")
READ_ONLY = "{server} is open read-only here: nothing was changed ({reason})"
WAITING = "it does not answer; TwinDesk tries again every few seconds"

SERVER_ZH = {
    # how a server is named (ServerAddress.display)
    "{name} on {where} as {user}": "{where} 上的 {name}（用户 {user}）",
    "{name} on {where}": "{where} 上的 {name}",
    "{name} as {user}": "{name}（用户 {user}）",
    "service {service}": "服务 {service}",
    "the default database": "默认数据库",
    UNREACHABLE: "无法连接 {server} 所在的数据库服务器：{reason}。请检查服务器是否在运行、主机名和端口是否正确，以及网络是否畅通",
    LOGIN_FAILED: "数据库服务器拒绝了 {server} 的登录：{reason}。请检查用户名和密码（系统钥匙串、~/.pgpass 或服务文件）",
    NO_PERMISSION: "数据库服务器不允许对 {server} 进行此操作：{reason}。请管理员授予 TwinDesk 的角色"
                     "（twindesk_reader、twindesk_editor、twindesk_admin）",
    TLS_FAILED: "到 {server} 的安全（TLS）连接失败：{reason}。请检查服务器的 TLS 设置，或用于验证服务器证书的文件（sslrootcert）",
    NO_DATABASE: "{server}：该数据库不存在；请管理员创建数据库并运行 twindesk server init --database-url URL",
    NOT_INITIALIZED: "{server}：该数据库中没有 TwinDesk 数据表；请管理员运行 twindesk server init --database-url URL 进行设置",
    NEWER_SCHEMA: "{server}：该数据库的结构版本为 {version}，比本程序支持的版本（{newest}）更新；请更新 TwinDesk 后再使用",
    OLDER_SCHEMA: "{server}：该数据库的结构版本为 {version}，需要升级到 {newest}，本程序目前还不能在服务器上升级；请联系管理员",
    CONNECTION_LOST: "与 {server} 的连接已断开（{reason}）；正在进行的更改均未保存。请重新连接后再试",
    READ_ONLY: "{server} 在此以只读方式打开：未作任何更改（{reason}）",
    WAITING: "服务器没有应答；TwinDesk 每隔几秒重试一次",
    "{server}: the database server refused the work: {reason}": "{server}：数据库服务器拒绝了此操作：{reason}",
    # addresses (store/server/address.py)
    "{url}: is not a PostgreSQL database URL (postgresql://user@host:port/database)":
        "{url}：不是 PostgreSQL 数据库地址（postgresql://用户@主机:端口/数据库）",
    "{url}: a database URL may not hold a password; TwinDesk keeps it in the system keyring, or PostgreSQL reads it from ~/.pgpass or a service file":
        "{url}：数据库地址中不能包含密码；TwinDesk 将密码保存在系统钥匙串中，或由 PostgreSQL 从 ~/.pgpass 或服务文件读取",
    "{url}: the port is not a number from 1 to 65535": "{url}：端口不是 1 到 65535 之间的数字",
    "{url}: unknown option {option} (TwinDesk knows sslmode, sslrootcert, service)":
        "{url}：未知选项 {option}（TwinDesk 支持 sslmode、sslrootcert、service）",
    "{url}: sslmode {mode} is not one of {modes}": "{url}：sslmode {mode} 不是以下之一：{modes}",
    # the server session (domain/server_session.py)
    "{server}: nothing was saved: {reason}": "{server}：未保存任何内容：{reason}",
    "opened read-only": "以只读方式打开",
}
