; Inno Setup script (Inno Setup 6.3 or newer; UTF-8 with BOM) for TwinDesk's Windows installer.
;
; Build it on Windows with packaging\build.py (see README, "Building the packages"); it first builds
; dist\TwinDesk with PyInstaller, then runs
;   ISCC /DAppVersion=<version> /DAppVersionNumbers=<a.b.c.d> /DBundleDir=<repo>\dist\TwinDesk /O<repo>\dist twindesk.iss
; with the version read from twindesk\__init__.py: this script states no version of its own.
;
; What it installs: the one-folder build into Program Files (per user by default: no administrator
; rights needed; %LOCALAPPDATA%\Programs\TwinDesk), a Start-menu entry, optionally a desktop icon and an
; "Open with" entry for .db files, and an uninstaller. Upgrading replaces the program folder only.
; The data - the database, its backups, the log - lives in the per-user data folder
; %LOCALAPPDATA%\TwinDesk (TwinDesk's own choice, see twindesk/store/paths.py), which this installer never
; writes, and which neither an upgrade nor the uninstaller touches.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=... (packaging\build.py does, from twindesk\__init__.py)
#endif
#ifndef AppVersionNumbers
  #define AppVersionNumbers AppVersion
#endif
#define RepoDir AddBackslash(SourcePath) + "..\.."
#ifndef BundleDir
  #define BundleDir RepoDir + "\dist\TwinDesk"
#endif
#define AppName "TwinDesk"
#define AppExe "TwinDesk.exe"
#define CliExe "twindesk-cli.exe"
#define ProgId "TwinDesk.Database"

[Setup]
; The AppId ties every version's installer to the same installation: never change it.
AppId={{6F3B2C1A-8E4D-4B7A-9C5E-1D2F3A4B5C6D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=TwinDesk
AppComments=Partner cities, delegation visits and aid shipments
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductVersion={#AppVersionNumbers}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} Setup
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#RepoDir}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#RepoDir}\resources\icons\twindesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#ifexist AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[CustomMessages]
en.OpenWithDb=List TwinDesk under "Open with" for database files (.db), without making it the default
en.CommandLine=TwinDesk command line (twindesk-cli)
#ifexist AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
zh_CN.OpenWithDb=在 .db 数据库文件的“打开方式”中列出 TwinDesk（不设为默认程序）
zh_CN.CommandLine=TwinDesk 命令行（twindesk-cli）
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openwithdb"; Description: "{cm:OpenWithDb}"

[InstallDelete]
; An upgrade replaces the bundle whole, so no library of the previous version lingers. Only inside {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Partner cities, delegation visits and aid shipments"
Name: "{autoprograms}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with" for .db files: many programs use .db, so TwinDesk is offered, never made the default.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "TwinDesk database"; Flags: uninsdeletekey; Tasks: openwithdb
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: openwithdb
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --db ""%1"""; Tasks: openwithdb
Root: HKA; Subkey: "Software\Classes\.db\OpenWithProgids"; ValueType: none; ValueName: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: openwithdb
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: openwithdb
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".db"; ValueData: ""; Tasks: openwithdb
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --db ""%1"""; Tasks: openwithdb

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
