"""What `twindesk server init | grant | revoke` say when they cannot, in Chinese (see store.messages;
the English is store/server/initialize.py's and store/server/logins.py's)."""

from twindesk.store.messages import add_chinese

SERVER_ROLES_ZH = {
    "{server}: the database already holds {count} table(s) ({tables}); server init sets up an empty database "
    "only. Nothing was changed.":
        "{server}：该数据库中已有 {count} 张数据表（{tables}）；server init 只能设置空数据库。未作任何更改。",
    "{server}: there is no role {login} to own the tables. Nothing was changed.":
        "{server}：没有可拥有这些数据表的角色 {login}。未作任何更改。",
    "{server}: this login may not set up TwinDesk's tables and roles ({reason}). Nothing was changed. Run server init as "
    "the database's owner with the right to create roles (CREATEROLE), or as a superuser with --owner ROLE.":
        "{server}：此登录用户无权设置 TwinDesk 的数据表和角色（{reason}）。未作任何更改。请以有权创建角色（CREATEROLE）的"
        "数据库所有者身份运行 server init，或以超级用户身份并加上 --owner ROLE 运行。",
    "{server}: there is no login {login}. Create it first (as a superuser: createuser --pwprompt {login}), then "
    "grant it a role.":
        "{server}：没有登录用户 {login}。请先创建（以超级用户身份：createuser --pwprompt {login}），再授予角色。",
    "{server}: {login} is a role that cannot log in, not a staff login.":
        "{server}：{login} 是不能登录的角色，不是工作人员的登录用户。",
    "{server}: TwinDesk's roles are missing ({roles}); run twindesk server init first.":
        "{server}：缺少 TwinDesk 的角色（{roles}）；请先运行 twindesk server init。",
    "{server}: you may not change the roles of {login} ({reason}). Nothing was changed. Ask the office's "
    "administrator (a login with the twindesk_admin role) or the database's owner.":
        "{server}：您无权更改 {login} 的角色（{reason}）。未作任何更改。请联系本单位的管理员（拥有 twindesk_admin "
        "角色的登录用户）或数据库所有者。",
}

add_chinese(SERVER_ROLES_ZH)
