; Inno Setup 6 script: a per-machine installer of the one-folder bundle. UTF-8 with a BOM
; (the compiler reads a script without one as ANSI; the Swedish message needs UTF-8).
;
;   py installer\build.py                                  (the bundle in dist\sst-desktop\)
;   iscc installer\windows\sst-desktop.iss                 (dist\sst-desktop-VERSION-setup.exe)
;   iscc /DBundleDir=C:\b\sst-desktop /DIconDir=C:\b\icons installer\windows\sst-desktop.iss
;
; The version is not written here: it is read from the ProductVersion of the built
; sst-desktop.exe, which the PyInstaller spec takes from the package metadata (pyproject.toml).
; Add/Remove Programs shows it (AppVersion). /DAppVersion=... overrides it.
;
; IT, silently:  sst-desktop-VERSION-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;                (/SILENT shows progress only; /DIR="D:\Apps\SST Desktop" elsewhere; /LOG=file)
; Uninstall:     "C:\Program Files\SST Desktop\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES
;                The profiles (%LOCALAPPDATA%\SST\sst-desktop) stay unless /REMOVEUSERDATA is
;                given, or the user answers Yes when an interactive uninstall asks.

#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\sst-desktop"
#endif
#ifndef IconDir
  #define IconDir AddBackslash(SourcePath) + "..\..\build\icons"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(BundleDir) + "sst-desktop.exe", "ProductVersion")
#endif
#if AppVersion == ""
  #error sst-desktop.exe has no ProductVersion: build the bundle with installer\build.py first
#endif
; Swedish is a user-contributed translation of Inno Setup: used when it is in the compiler's
; Languages folder (https://jrsoftware.org/files/istrans/), else the wizard is in English.
#define HaveSwedish FileExists(CompilerPath + "Languages\Swedish.isl")

[Setup]
; AppId identifies the app across versions (upgrades replace, uninstall finds it): never change it.
AppId={{4DF3B9BB-307E-4C8C-8B55-1B0079FCD53D}
AppName=SST Desktop
AppVersion={#AppVersion}
AppVerName=SST Desktop {#AppVersion}
AppPublisher=SST Desktop
DefaultDirName={autopf}\SST Desktop
DefaultGroupName=SST Desktop
DisableProgramGroupPage=yes
; Per machine: Program Files, every user's Start menu, HKLM uninstall entry; needs an administrator.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#BundleDir}\..
OutputBaseFilename=sst-desktop-{#AppVersion}-setup
SetupIconFile={#IconDir}\sst-desktop.ico
UninstallDisplayIcon={app}\sst-desktop.exe
UninstallDisplayName=SST Desktop
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
; The uninstaller reads {localappdata} on purpose (the profiles, only when asked to remove them).
UsedUserAreasWarning=no

[Languages]
#if HaveSwedish
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\SST Desktop"; Filename: "{app}\sst-desktop.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\SST Desktop"; Filename: "{app}\sst-desktop.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\sst-desktop.exe"; Description: "{cm:LaunchProgram,SST Desktop}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the app may have left beside itself (none by design); the folder goes if empty.
Type: dirifempty; Name: "{app}"

[CustomMessages]
#if HaveSwedish
swedish.RemoveUserData=Ska även dina SST-profiler tas bort från den här datorn?%n%nDe innehåller krypterade ärenden som kanske inte finns någon annanstans. Detta kan inte ångras.%n%nVälj Nej för att behålla dem (rekommenderas).
#endif
english.RemoveUserData=Also delete your SST profiles from this computer?%n%nThey hold encrypted casework that may exist nowhere else. This cannot be undone.%n%nChoose No to keep them (recommended).

[Code]
const
  UserDataFolder = '{localappdata}\SST\sst-desktop';

{ True when the profiles of the user running the uninstaller are to go: /REMOVEUSERDATA on the
  command line, or Yes to the question of an interactive uninstall (No is the default button).
  A silent uninstall never asks. }
function RemoveUserDataWanted(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/REMOVEUSERDATA') = 0 then
      Result := True;
  if (not Result) and (not UninstallSilent) then
    Result := MsgBox(CustomMessage('RemoveUserData'), mbConfirmation,
                     MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and RemoveUserDataWanted() then
    DelTree(ExpandConstant(UserDataFolder), True, True, True);
end;
