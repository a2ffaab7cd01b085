; Inno Setup script for Briefing Reader on Windows (64-bit).
;
; First build the one-folder bundle on Windows:   py installer\build.py
; then compile this script (Inno Setup 6.3 or later):
;     iscc /DAppVersion=0.1.0 installer\windows\briefing-reader.iss
; build.py runs iscc itself when it finds it. The setup program is written to build\dist\.
;
; Installs the bundle to Program Files (or, when the user chooses "only for me", to their own
; programs folder), adds a Start-menu entry, an optional desktop icon and an uninstaller. The
; user's library lives in %LOCALAPPDATA%\BriefingReader and is left alone on uninstall unless
; the user asks for it to be deleted.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Briefing Reader"
#define AppExe "briefing-reader.exe"
#define ConsoleExe "briefing.exe"
#ifndef BundleDir
  #define BundleDir "..\..\build\dist\briefing-reader"
#endif
#define DataFolder "BriefingReader"

[Setup]
; Never change AppId: it is how an upgrade finds the installed copy.
AppId={{33C2AF8E-0500-52A5-A162-6DC118F17075}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Briefing Reader contributors
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Program Files needs administrator rights; the dialog lets a user install for themselves instead.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\build\dist
OutputBaseFilename=briefing-reader-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\app\briefing-reader.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ChangesAssociations=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: files a newer version no longer ships must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Read, search and brief from defence and foreign-affairs news"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The library (articles, edits, briefings) is the user's work: keep it unless they say otherwise.
  A silent uninstall (/SILENT, /VERYSILENT) always keeps it. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\{#DataFolder}');
    if DirExists(DataDir) and not UninstallSilent() then
    begin
      if MsgBox('Also delete your Briefing Reader library (articles, edits and briefings) in'
          + #13#10 + DataDir + ' ?' + #13#10#13#10
          + 'Choose No to keep it for a later installation.',
          mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      begin
        DelTree(DataDir, True, True, True);
        { Window layout and preferences (QSettings) live in the registry. }
        RegDeleteKeyIncludingSubkeys(HKCU, 'Software\{#DataFolder}');
      end;
    end;
  end;
end;
