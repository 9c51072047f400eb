; Inno Setup 6 script: installs the one-folder build (dist\jury_desk, made by build.spec)
; with Start menu entries. Built by .github/workflows/windows.yml:
;
;   iscc /DAppVersion=0.1.0 packaging\jury_desk.iss    ->  dist\installer\jury_desk-0.1.0-setup.exe
;
; Without /DAppVersion the version is read from jury-desk.exe's version resource, which
; build.spec writes from jury_desk/__init__.py. The user's data stays where platformdirs
; puts it (%LOCALAPPDATA%\GrandOrlySeineBievre\jury_desk): uninstalling never removes it.
;
; Per user by default: a secretary without administrator rights installs it into
; {autopf} = %LOCALAPPDATA%\Programs\jury_desk, with Start menu entries of her own.
; IT deploys it for every user of a machine with /ALLUSERS (then {autopf} is
; C:\Program Files and administrator rights are asked for); the dialog offers the same.
;
; Signing (CI, when a certificate is provided): iscc /Sjdsign="signtool.exe sign ... $f"
; /DSign=1 signs the installer and its uninstaller with the same certificate.

#define AppName "jury_desk"
#define AppExe "jury-desk.exe"
#define ConsoleExe "jury-desk-console.exe"
#define DistDir AddBackslash(SourcePath) + "..\dist\jury_desk"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(DistDir + "\" + AppExe, "ProductVersion")
#endif

[Setup]
; AppId identifies the application for upgrades and uninstall: never change it.
AppId={{55268608-61CA-475E-B508-D03832537C47}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Établissement public territorial Grand-Orly Seine Bièvre
AppComments=Jurys du Label Actions Innovantes
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
; the application writes nothing under {userappdata}: its data is platformdirs' business
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\resources\icons\jury_desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef Sign
SignTool=jdsign
SignedUninstaller=yes
#endif
; a running jury-desk.exe is closed (its data is committed after every change) and restarted
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.DemoEntry=jury_desk — session de démonstration
en.DemoEntry=jury_desk — demonstration session
fr.CheckEntry=Vérifier l’installation de jury_desk
en.CheckEntry=Check the jury_desk installation
fr.DesktopIcon=Créer un raccourci sur le bureau
en.DesktopIcon=Create a desktop shortcut

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the whole folder, so no file of an older version is left behind
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:DemoEntry}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{group}\{cm:CheckEntry}"; Filename: "{sys}\cmd.exe"; Parameters: "/k """"{app}\{#ConsoleExe}"" --self-test"""; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
