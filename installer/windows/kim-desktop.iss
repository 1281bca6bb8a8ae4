; Inno Setup 6 script for KIM Desktop: per-machine install of the PyInstaller bundle.
;
; Build (after `pyinstaller installer/kim-desktop.spec` has made build\dist\kim-desktop):
;   ISCC.exe /DAppVersion=0.1.0 installer\windows\kim-desktop.iss
; Silent install by the software distribution (as administrator):
;   kim-desktop-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;       /PROVISIONING="\\server\share\kim\provisioning.toml" /LOG="C:\Windows\Temp\kim-setup.log"
; /PROVISIONING copies that file to %ProgramData%\KIM Desktop\provisioning.toml and checks it
; with the installed program; a bad file fails the setup with exit code 1 (see the log).
; Uninstalling removes the program only: the users' data (%LOCALAPPDATA%\KIM\kim-desktop)
; and the provisioning file stay.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z
#endif
#define BundleDir "..\..\build\dist\kim-desktop"

[Setup]
AppId={{5B0E3C1E-7A4F-4C2B-9C61-4B6D2F0A9E17}
AppName=KIM Desktop
AppVersion={#AppVersion}
AppVerName=KIM Desktop {#AppVersion}
AppPublisher=Kommunales Integrationsmanagement
DefaultDirName={autopf}\KIM Desktop
DefaultGroupName=KIM Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=Output
OutputBaseFilename=kim-desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
SetupLogging=yes
CloseApplications=yes
UninstallDisplayIcon={app}\kim-desktop.exe
UninstallDisplayName=KIM Desktop

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\provisioning.example.toml"; DestDir: "{app}"; Flags: ignoreversion

[Dirs]
; Where IT puts provisioning.toml; never removed by the uninstaller.
Name: "{commonappdata}\KIM Desktop"; Flags: uninsneveruninstall

[InstallDelete]
; An upgrade replaces the whole bundle, so no file of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\KIM Desktop"; Filename: "{app}\kim-desktop.exe"; Comment: "Fallmanagement im Kommunalen Integrationsmanagement"

[Code]
var
  ProvisioningFailed: Boolean;

function ProvisioningSource(): String;
begin
  Result := ExpandConstant('{param:PROVISIONING|}');
end;

function InitializeSetup(): Boolean;
begin
  Result := True;
  if (ProvisioningSource() <> '') and not FileExists(ProvisioningSource()) then
  begin
    Log('Bereitstellungsdatei nicht gefunden: ' + ProvisioningSource());
    SuppressibleMsgBox('Die Bereitstellungsdatei wurde nicht gefunden: ' + ProvisioningSource(),
      mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Target: String;
  ResultCode: Integer;
begin
  if (CurStep <> ssPostInstall) or (ProvisioningSource() = '') then
    Exit;
  Target := ExpandConstant('{commonappdata}\KIM Desktop\provisioning.toml');
  if not FileCopy(ProvisioningSource(), Target, False) then
  begin
    ProvisioningFailed := True;
    Log('Bereitstellungsdatei konnte nicht kopiert werden nach ' + Target);
    Exit;
  end;
  Log('Bereitstellungsdatei kopiert nach ' + Target);
  if not Exec(ExpandConstant('{app}\kim-desktop-cli.exe'), 'provisioning "' + Target + '"', '',
      SW_HIDE, ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
  begin
    ProvisioningFailed := True;
    Log('Die Bereitstellungsdatei ist ungültig; Einzelheiten: kim-desktop-cli provisioning');
    SuppressibleMsgBox('Die Bereitstellungsdatei ist ungültig. Prüfen Sie sie mit ' +
      '"kim-desktop-cli provisioning".', mbError, MB_OK, IDOK);
  end;
end;

function GetCustomSetupExitCode(): Integer;
begin
  if ProvisioningFailed then
    Result := 1
  else
    Result := 0;
end;
