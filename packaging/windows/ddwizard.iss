; Inno Setup script for the ddwizard Windows installer (see packaging/README.md).
; Compiled by the release workflow after packaging/build.py:
;   iscc /DAppVersion=0.2.0 /DSourceDir=..\..\dist\ddwizard packaging\windows\ddwizard.iss
;
; Per user by default: no administrator rights, installed under %LOCALAPPDATA%\Programs.
; Per machine on request: the first page offers "Install for all users" (which asks for
; administrator rights), and trust IT deploying through Intune or Group Policy run
;   ddwizard-setup-0.2.0.exe /ALLUSERS /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; The uninstaller removes the program and leaves the assessments (the user data folder)
; unless the person says yes to removing them too; a silent uninstall never removes them.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ddwizard"
#endif

[Setup]
AppId={{6C0E9E43-6B47-4C55-9B0C-2D9E1F0A7D22}
AppName=ddwizard
AppVersion={#AppVersion}
AppVerName=ddwizard {#AppVersion}
AppPublisher=ddwizard
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\ddwizard
DefaultGroupName=ddwizard
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ddwizard-setup-{#AppVersion}
SetupIconFile=..\..\build\icons\ddwizard.ico
UninstallDisplayIcon={app}\ddwizard.exe
UninstallDisplayName=ddwizard
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\ddwizard"; Filename: "{app}\ddwizard.exe"
Name: "{autodesktop}\ddwizard"; Filename: "{app}\ddwizard.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ddwizard.exe"; Description: "{cm:LaunchProgram,ddwizard}"; Flags: nowait postinstall skipifsilent

[Code]
{ The person's data: the database, its backups and the integrity-check note (README). }
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\ddwizard');
end;

{ The window's size, position and splitters (Qt's settings file). }
function SettingsFolder(): String;
begin
  Result := ExpandConstant('{userappdata}\ddwizard');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and (not UninstallSilent) and DirExists(DataFolder()) then
    if MsgBox('ddwizard has been removed. Your assessments and their backups are still in' + #13#10 +
              DataFolder() + #13#10#13#10 +
              'Remove them too? This cannot be undone. Choose No to keep them (for example ' +
              'to install ddwizard again later).', mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      DelTree(DataFolder(), True, True, True);
      DelTree(SettingsFolder(), True, True, True);
    end;
end;
