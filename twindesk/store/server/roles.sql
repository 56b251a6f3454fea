-- TwinDesk's roles and grants on a shared PostgreSQL database (docs/architecture.md, "Who may do what").
--
-- `twindesk server init` runs this after creating the tables, in the same transaction. It can be run
-- again at any time (psql -v ON_ERROR_STOP=1 -d DATABASE -f roles.sql, as the database's owner
-- or a superuser): it creates only what is missing and grants only what it says.
--
-- Three roles, none of which can log in; an administrator grants a staff login one of them
-- (`twindesk server grant LOGIN reader|editor|admin`):
--   twindesk_reader  reads everything;
--   twindesk_editor  also changes records, their documents and the history (it is a reader);
--   twindesk_admin   also changes home localities (it is an editor).
-- Nobody but the tables' owner changes the schema: the roles own nothing and may not create anything.
-- Roles belong to the whole cluster, so a second TwinDesk database on the same server shares them.

-- The roles, and which contains which. A DO block each, so that a role made by another database's
-- set-up at the same moment is not an error.
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'twindesk_reader') THEN
        CREATE ROLE twindesk_reader NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'twindesk_editor') THEN
        CREATE ROLE twindesk_editor NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'twindesk_admin') THEN
        CREATE ROLE twindesk_admin NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- Granted only when missing: granting a membership again needs the right to manage roles, which a
-- database's owner re-running this may not have.
DO $$ BEGIN
    IF NOT pg_has_role('twindesk_editor', 'twindesk_reader', 'MEMBER') THEN
        GRANT twindesk_reader TO twindesk_editor;
    END IF;
    IF NOT pg_has_role('twindesk_admin', 'twindesk_editor', 'MEMBER') THEN
        GRANT twindesk_editor TO twindesk_admin;
    END IF;
END $$;

-- An administrator manages staff logins (`server grant`) without the right to create roles: the
-- admin role may hand on the reader and editor roles (ADMIN OPTION); a login granted the admin role
-- gets it WITH ADMIN OPTION, so it may hand that on too.
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_auth_members
                   WHERE roleid = 'twindesk_reader'::regrole AND member = 'twindesk_admin'::regrole AND admin_option) THEN
        GRANT twindesk_reader TO twindesk_admin WITH ADMIN OPTION;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_auth_members
                   WHERE roleid = 'twindesk_editor'::regrole AND member = 'twindesk_admin'::regrole AND admin_option) THEN
        GRANT twindesk_editor TO twindesk_admin WITH ADMIN OPTION;
    END IF;
END $$;

-- The database: only TwinDesk's roles (and its owner) may connect; nobody else creates objects in it.
DO $$ BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO twindesk_reader', current_database());
END $$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO twindesk_reader;

-- Reading: every table, the schema's version table included.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO twindesk_reader;
GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO twindesk_reader;

-- Editing: the records and their sub-records, their papers, documents, and the history the door writes
-- with every change. Never home_locality, nor the version table.
GRANT INSERT, UPDATE, DELETE ON
    partner, partnership, partnership_status_change, contact, activity,
    visit, visit_partner, delegate, itinerary_item, gift,
    shipment, shipment_item,
    agreement, partnership_approval, visit_approval,
    document, document_blob,
    history_operation, history_change
    TO twindesk_editor;
-- New ids (nextval), and moving a sequence past ids written explicitly (setval: an import or an undo
-- that puts back rows with their own ids needs UPDATE on the sequence).
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO twindesk_editor;

-- Administering: home localities too (managing logins is `server grant`, done as the owner).
GRANT INSERT, UPDATE, DELETE ON home_locality TO twindesk_admin;
