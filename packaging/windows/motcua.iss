; Inno Setup script: the Windows installer for the one-folder build (dist\motcua\).
;
;   pyinstaller --noconfirm motcua.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\motcua.iss
;
; Per-machine install into Program Files, a Start-menu entry (and an optional desktop icon)
; for the windowed program, the command line on the machine's PATH on request. The data folder
; %PROGRAMDATA%\MotCua is created writable for every Windows user of the counter PC (one counter,
; one database, whoever signs in) and is never removed by the uninstaller: uninstalling keeps
; the database, the day files and the keys. See docs/windows-build.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "MotCua"
#define SourceDir "..\..\dist\motcua"

[Setup]
AppId={{6C1E7B52-3E0A-4B5F-9E0B-4D6F0C2A9B31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=MotCua
DefaultDirName={autopf}\MotCua
DefaultGroupName=MotCua
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=MotCua-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
LicenseFile=..\..\LICENSE
UninstallDisplayIcon={app}\motcua-gui.exe
ChangesEnvironment=yes
CloseApplications=yes
WizardStyle=modern

[Languages]
; Vietnamese.isl is one of Inno Setup's contributed translations: put it in the compiler's
; Languages folder (docs/windows-build.md); without it the installer speaks English.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#else
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình nền"; Flags: unchecked
Name: "addtopath"; Description: "Cho phép gọi lệnh motcua trong cửa sổ dòng lệnh (thêm vào PATH)"; Flags: unchecked

[Dirs]
; The machine-wide data folder: every user may create and change files in it.
Name: "{commonappdata}\MotCua"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\MotCua"; Filename: "{app}\motcua-gui.exe"; WorkingDir: "{commonappdata}\MotCua"
Name: "{group}\Thư mục dữ liệu MotCua"; Filename: "{commonappdata}\MotCua"
Name: "{group}\Gỡ cài đặt MotCua"; Filename: "{uninstallexe}"
Name: "{autodesktop}\MotCua"; Filename: "{app}\motcua-gui.exe"; WorkingDir: "{commonappdata}\MotCua"; Tasks: desktopicon

[Registry]
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
    ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
    Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\motcua-gui.exe"; Description: "Mở MotCua"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Folder: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment',
                             'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Current) + ';') = 0;
end;

procedure RemoveFromPath(Folder: string);
var
  Current: string;
begin
  if RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment',
                         'Path', Current) then
    if StringChangeEx(Current, ';' + Folder, '', True) > 0 then
      RegWriteExpandStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment',
                                'Path', Current);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usUninstall then
    RemoveFromPath(ExpandConstant('{app}'));
  if CurUninstallStep = usPostUninstall then
    MsgBox('Dữ liệu của MotCua (cơ sở dữ liệu, tệp đồng bộ, khóa) vẫn được giữ trong thư mục '
           + ExpandConstant('{commonappdata}') + '\MotCua.', mbInformation, MB_OK);
end;
