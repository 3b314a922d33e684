<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About MotCua</source>
        <translation>Giới thiệu MotCua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Free software under the GNU GPL, version 3 or later.</source>
        <translation>Phần mềm tự do theo giấy phép GNU GPL, phiên bản 3 trở lên.</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Thư mục nhật ký</translation>
    </message>
    <message>
        <source>MotCua – software for the one-stop counter</source>
        <translation>MotCua – phần mềm Bộ phận Một cửa</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Mở thư mục nhật ký</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>A leader&apos;s record; the real time of entry is kept beside it</source>
        <translation>Do lãnh đạo ghi; thời điểm ghi thật vẫn được lưu kèm</translation>
    </message>
    <message>
        <source>A second request for papers is an exception recorded by a leader: the dossier counts as late from now on.</source>
        <translation>Yêu cầu bổ sung lần thứ hai là trường hợp ngoại lệ do lãnh đạo ghi nhận: từ nay hồ sơ được tính là quá hạn.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Check the papers listed under Documents first. The dossier is received now: its appointment counts from this moment, and the receipt prints.</source>
        <translation>Hãy kiểm tra các giấy tờ ở thẻ Giấy tờ trước. Hồ sơ được tiếp nhận vào lúc này: thời hạn hẹn trả tính từ thời điểm này và giấy tiếp nhận được in.</translation>
    </message>
    <message>
        <source>Close without recording (Esc)</source>
        <translation>Đóng, không ghi nhận (Esc)</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Financial obligation</source>
        <translation>Nội dung nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Happened at</source>
        <translation>Thời điểm thực hiện</translation>
    </message>
    <message>
        <source>List everything at once: the guidance must be complete in one go. The clock stops until the papers come back.</source>
        <translation>Ghi đủ mọi nội dung trong một lần hướng dẫn. Thời gian giải quyết tạm dừng cho đến khi nhận đủ hồ sơ bổ sung.</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>Ngày hẹn mới</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Only on the day of reception, before forwarding; later, stop the dossier instead.</source>
        <translation>Chỉ từ chối trong ngày tiếp nhận, trước khi chuyển xử lý; sau đó hãy dùng “Dừng xử lý”.</translation>
    </message>
    <message>
        <source>Papers or contents to supplement (one per line)</source>
        <translation>Giấy tờ, nội dung cần bổ sung (mỗi dòng một mục)</translation>
    </message>
    <message>
        <source>Processing unit</source>
        <translation>Đơn vị xử lý</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Reason (printed on the apology)</source>
        <translation>Lý do (in trên Phiếu xin lỗi)</translation>
    </message>
    <message>
        <source>Reason for refusal</source>
        <translation>Lý do từ chối</translation>
    </message>
    <message>
        <source>Reason for stopping</source>
        <translation>Lý do dừng xử lý</translation>
    </message>
    <message>
        <source>Received by (full name)</source>
        <translation>Họ tên người nhận kết quả</translation>
    </message>
    <message>
        <source>Record from the paper register: it happened earlier</source>
        <translation>Ghi theo sổ giấy: bước này đã diễn ra trước đó</translation>
    </message>
    <message>
        <source>Record this step (Ctrl+Enter)</source>
        <translation>Ghi nhận bước này (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Signed by (leader)</source>
        <translation>Lãnh đạo ký</translation>
    </message>
    <message>
        <source>The due date moves by the working time paused.</source>
        <translation>Ngày hẹn được lùi thêm đúng số giờ làm việc đã tạm dừng.</translation>
    </message>
    <message>
        <source>The due moment has passed: the citizen gets the new date, but the dossier stays late in the reports.</source>
        <translation>Đã quá thời điểm hẹn trả: công dân được hẹn ngày mới, nhưng hồ sơ vẫn tính là quá hạn trong báo cáo.</translation>
    </message>
    <message>
        <source>The leader who signs the apology</source>
        <translation>Lãnh đạo ký Phiếu xin lỗi và đề nghị gia hạn</translation>
    </message>
    <message>
        <source>Why it is recorded late</source>
        <translation>Lý do ghi lùi</translation>
    </message>
    <message>
        <source>e.g. power cut on 28/10, from the paper register</source>
        <translation>ví dụ: mất điện ngày 28/10, ghi lại từ sổ giấy</translation>
    </message>
</context>
<context>
    <name>AddressPicker</name>
    <message>
        <source>Commune / ward</source>
        <translation>Xã / phường</translation>
    </message>
    <message>
        <source>House number, street, hamlet…</source>
        <translation>Số nhà, đường, thôn/xóm/tổ dân phố…</translation>
    </message>
    <message>
        <source>Province / city</source>
        <translation>Tỉnh / thành phố</translation>
    </message>
    <message>
        <source>“%1” is a unit from before the 2025 reorganisation: ask for today&apos;s province and commune.</source>
        <translation>“%1” là đơn vị hành chính trước khi sắp xếp năm 2025: hãy hỏi lại tỉnh, xã hiện nay.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>Tài khoản quản trị</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>The first account manages officers and settings.</source>
        <translation>Tài khoản đầu tiên quản lý cán bộ và cài đặt.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
</context>
<context>
    <name>AgencyPage</name>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Agency code</source>
        <translation>Mã định danh cơ quan</translation>
    </message>
    <message>
        <source>Governing body</source>
        <translation>Đơn vị chủ quản</translation>
    </message>
    <message>
        <source>Place (date line)</source>
        <translation>Địa danh (dòng ngày tháng)</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Tên bộ phận</translation>
    </message>
    <message>
        <source>Who the counter is: printed in the header of every form.</source>
        <translation>Thông tin cơ quan: in ở phần đầu mọi phiếu.</translation>
    </message>
    <message>
        <source>e.g. 000.00.24.H12</source>
        <translation>ví dụ 000.00.24.H12</translation>
    </message>
    <message>
        <source>e.g. Tam Đảo</source>
        <translation>ví dụ Tam Đảo</translation>
    </message>
    <message>
        <source>e.g. UBND XÃ TAM ĐẢO</source>
        <translation>ví dụ UBND XÃ TAM ĐẢO</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Lost connection to the server</source>
        <translation>Mất kết nối máy chủ</translation>
    </message>
    <message>
        <source>MotCua cannot start</source>
        <translation>MotCua không khởi động được</translation>
    </message>
    <message>
        <source>MotCua could not start because of an unexpected error. Please tell the administrator and send the details below.</source>
        <translation>MotCua không khởi động được vì một lỗi không mong muốn. Hãy báo cho quản trị viên và gửi kèm chi tiết dưới đây.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>%1 of %2 papers digitised</source>
        <translation>Đã số hóa %1/%2 giấy tờ</translation>
    </message>
    <message>
        <source>Attach to</source>
        <translation>Đính kèm cho</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Đính kèm lúc</translation>
    </message>
    <message>
        <source>Attached: %1 (%2 pages).</source>
        <translation>Đã đính kèm: %1 (%2 trang).</translation>
    </message>
    <message>
        <source>Camera…</source>
        <translation>Chụp bằng camera…</translation>
    </message>
    <message>
        <source>Converting and storing the copy…</source>
        <translation>Đang chuyển đổi và lưu bản điện tử…</translation>
    </message>
    <message>
        <source>From files…</source>
        <translation>Từ tệp…</translation>
    </message>
    <message>
        <source>From the scanner&apos;s folder…</source>
        <translation>Từ thư mục máy quét…</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Print a copy</source>
        <translation>In bản điện tử</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Result of the dossier</source>
        <translation>Kết quả giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Reuse the earlier copy</source>
        <translation>Tái sử dụng bản đã số hóa</translation>
    </message>
    <message>
        <source>Sent to the printer: %1 pages.</source>
        <translation>Đã gửi tới máy in: %1 trang.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>The citizen brought this paper before and it was digitised: reuse that copy instead of a new scan</source>
        <translation>Công dân đã nộp giấy tờ này trước đây và giấy tờ đã được số hóa: tái sử dụng bản đó thay vì quét lại</translation>
    </message>
    <message>
        <source>The paper (or the result) the new copy is for</source>
        <translation>Giấy tờ (hoặc kết quả) nhận bản điện tử mới</translation>
    </message>
    <message>
        <source>The result is issued: attach its electronic copy (scan or PDF) here.</source>
        <translation>Đã có kết quả giải quyết: hãy đính kèm bản điện tử của kết quả (bản quét hoặc PDF) tại đây.</translation>
    </message>
    <message>
        <source>This paper has a copy: a new one replaces it, the old one is kept in the list.</source>
        <translation>Giấy tờ này đã có bản điện tử: bản mới sẽ thay thế, bản cũ vẫn được giữ trong danh sách.</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>current</source>
        <translation>đang dùng</translation>
    </message>
    <message>
        <source>electronic result attached</source>
        <translation>đã có kết quả điện tử</translation>
    </message>
    <message>
        <source>replaced %1</source>
        <translation>đã thay lúc %1</translation>
    </message>
    <message>
        <source>reused</source>
        <translation>tái sử dụng</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Backing up the data before closing…</source>
        <translation>Đang sao lưu dữ liệu trước khi đóng…</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>A backup is made every day and when the app closes; each is checked before it counts.</source>
        <translation>Phần mềm tự sao lưu mỗi ngày và khi đóng; mỗi bản sao lưu được kiểm tra toàn vẹn trước khi được dùng.</translation>
    </message>
    <message>
        <source>A second folder, e.g. on a USB drive: each backup is copied there too</source>
        <translation>Thư mục thứ hai, ví dụ trên ổ USB: mỗi bản sao lưu được chép thêm vào đó</translation>
    </message>
    <message>
        <source>At closing</source>
        <translation>Khi đóng phần mềm</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Backing up and checking the copy…</source>
        <translation>Đang sao lưu và kiểm tra bản sao…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Thư mục sao lưu</translation>
    </message>
    <message>
        <source>Backup settings saved.</source>
        <translation>Đã lưu cài đặt sao lưu.</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Trước khi khôi phục</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Đổi…</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Chọn tệp sao lưu</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Chọn thư mục sao lưu</translation>
    </message>
    <message>
        <source>Choose the second folder (USB drive)</source>
        <translation>Chọn thư mục thứ hai (ổ USB)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Copy the database now and check the copy</source>
        <translation>Sao chép cơ sở dữ liệu ngay và kiểm tra bản sao</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Hằng ngày</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Keep automatic backups</source>
        <translation>Giữ bản sao lưu tự động</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Thời điểm sao lưu</translation>
    </message>
    <message>
        <source>MotCua backups (*.sqlite3)</source>
        <translation>Bản sao lưu MotCua (*.sqlite3)</translation>
    </message>
    <message>
        <source>No second folder</source>
        <translation>Bỏ thư mục thứ hai</translation>
    </message>
    <message>
        <source>On demand</source>
        <translation>Theo yêu cầu</translation>
    </message>
    <message>
        <source>Only a SQLite database can be restored here.</source>
        <translation>Chỉ khôi phục được cơ sở dữ liệu SQLite tại đây.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Restore finished</source>
        <translation>Đã khôi phục xong</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Restore from another file…</source>
        <translation>Khôi phục từ tệp khác…</translation>
    </message>
    <message>
        <source>Restore from the selected backup…</source>
        <translation>Khôi phục từ bản sao lưu đã chọn…</translation>
    </message>
    <message>
        <source>Restore the data from the backup %1?

The current database is kept as a copy first. Dossiers received after the backup must be entered again (the list is shown); their codes are never used again. The app then asks you to sign in again.</source>
        <translation>Khôi phục dữ liệu từ bản sao lưu %1?

Cơ sở dữ liệu hiện tại được giữ lại một bản trước khi thay. Các hồ sơ tiếp nhận sau thời điểm sao lưu phải nhập lại (phần mềm sẽ liệt kê); mã của chúng không bao giờ được dùng lại. Sau đó phần mềm yêu cầu đăng nhập lại.</translation>
    </message>
    <message>
        <source>Restoring from the backup…</source>
        <translation>Đang khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Second folder</source>
        <translation>Thư mục thứ hai</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>%1 pages captured</source>
        <translation>Đã chụp %1 trang</translation>
    </message>
    <message>
        <source>Capture page (Space)</source>
        <translation>Chụp trang (phím cách)</translation>
    </message>
    <message>
        <source>Capture with the camera</source>
        <translation>Chụp bằng camera</translation>
    </message>
    <message>
        <source>No page captured yet.</source>
        <translation>Chưa chụp trang nào.</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <source>%1 procedures</source>
        <translation>%1 thủ tục</translation>
    </message>
    <message>
        <source>%1 procedures exported</source>
        <translation>Đã xuất %1 thủ tục</translation>
    </message>
    <message>
        <source>A province&apos;s catalog as JSON or CSV; checked in full before anything changes</source>
        <translation>Danh mục của tỉnh dạng JSON hoặc CSV; kiểm tra toàn bộ trước khi thay đổi</translation>
    </message>
    <message>
        <source>Field codes…</source>
        <translation>Mã lĩnh vực…</translation>
    </message>
    <message>
        <source>The code of each field (MaLinhVuc) as the province&apos;s catalog gives it</source>
        <translation>Mã của từng lĩnh vực (MaLinhVuc) theo danh mục của tỉnh</translation>
    </message>
    <message>
        <source>Catalog (*.json *.csv)</source>
        <translation>Danh mục (*.json *.csv)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Đang kiểm tra tệp…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Edit the selected procedure (Enter or double-click)</source>
        <translation>Sửa thủ tục đang chọn (Enter hoặc nhấp đúp)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Export catalog</source>
        <translation>Xuất danh mục</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất tệp…</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Filter by name, field or code (accents optional)</source>
        <translation>Lọc theo tên, lĩnh vực hoặc mã (gõ có dấu hay không dấu đều được)</translation>
    </message>
    <message>
        <source>Import catalog</source>
        <translation>Nhập danh mục</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>Nhập từ tệp…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>New procedure</source>
        <translation>Thêm thủ tục</translation>
    </message>
    <message>
        <source>New: %1, changed: %2, unchanged: %3. Import?</source>
        <translation>Mới: %1, thay đổi: %2, không đổi: %3. Nhập vào danh mục?</translation>
    </message>
    <message>
        <source>Nothing was imported:</source>
        <translation>Chưa nhập gì vào danh mục:</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Show procedures no longer in use</source>
        <translation>Hiện cả thủ tục đã ngừng áp dụng</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
</context>
<context>
    <name>CitizenDisplay</name>
    <message>
        <source>Citizen number %1, please</source>
        <translation>Mời công dân số %1</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Cảm ơn ông/bà!</translation>
    </message>
</context>
<context>
    <name>CitizenMenu</name>
    <message>
        <source>&amp;Citizens</source>
        <translation>Công &amp;dân</translation>
    </message>
    <message>
        <source>A full-screen lookup for citizens; leaving it needs an officer&apos;s password</source>
        <translation>Màn hình tra cứu toàn màn hình cho công dân; muốn thoát cần mật khẩu của cán bộ</translation>
    </message>
    <message>
        <source>Call citizen number</source>
        <translation>Mời công dân số</translation>
    </message>
    <message>
        <source>Call citizen number…</source>
        <translation>Mời công dân số…</translation>
    </message>
    <message>
        <source>Call the next citizen (F8)</source>
        <translation>Mời công dân tiếp theo (F8)</translation>
    </message>
    <message>
        <source>Lookup screen (kiosk)…</source>
        <translation>Màn hình tra cứu (kiosk)…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Shown on the citizen screen (a second screen)</source>
        <translation>Hiện trên màn hình công dân (màn hình phụ)</translation>
    </message>
</context>
<context>
    <name>CitizenPage</name>
    <message>
        <source>Come back for the result: %1</source>
        <translation>Hẹn trả kết quả: %1</translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation>Phí, lệ phí: %1</translation>
    </message>
    <message>
        <source>Pay by transfer: scan with your banking app</source>
        <translation>Chuyển khoản: quét mã bằng ứng dụng ngân hàng</translation>
    </message>
    <message>
        <source>Your dossier has been received</source>
        <translation>Hồ sơ của ông/bà đã được tiếp nhận</translation>
    </message>
    <message>
        <source>Your result has been handed over</source>
        <translation>Ông/bà đã nhận kết quả giải quyết hồ sơ</translation>
    </message>
</context>
<context>
    <name>CitizenReportPanel</name>
    <message>
        <source>%1 ratings, satisfied: %2</source>
        <translation>%1 lượt đánh giá, hài lòng: %2</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Citizens&apos; satisfaction</source>
        <translation>Mức độ hài lòng của người dân</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Cán bộ thu</translation>
    </message>
    <message>
        <source>Collected: %1 đồng in %2 payments</source>
        <translation>Đã thu: %1 đồng (%2 khoản)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Góp ý</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exempted: %1 dossiers</source>
        <translation>Được miễn: %1 hồ sơ</translation>
    </message>
    <message>
        <source>Fee list %1</source>
        <translation>Bảng kê thu phí %1</translation>
    </message>
    <message>
        <source>Fee list (Excel)…</source>
        <translation>Bảng kê thu phí (Excel)…</translation>
    </message>
    <message>
        <source>Fee list (PDF)…</source>
        <translation>Bảng kê thu phí (PDF)…</translation>
    </message>
    <message>
        <source>Fees collected</source>
        <translation>Phí, lệ phí đã thu</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Mức đánh giá</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Notice of late dossiers %1</source>
        <translation>Niêm yết hồ sơ quá hạn %1</translation>
    </message>
    <message>
        <source>Notice of late dossiers (PDF)…</source>
        <translation>Niêm yết hồ sơ quá hạn (PDF)…</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>Thời điểm thu</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Lượt đánh giá</translation>
    </message>
    <message>
        <source>Save the fee list</source>
        <translation>Lưu bảng kê thu phí</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Still owed: %1 dossiers, %2 đồng</source>
        <translation>Chưa thu: %1 hồ sơ, %2 đồng</translation>
    </message>
    <message>
        <source>The public list of the period&apos;s late dossiers with the apology and the new appointments, to print and post (names masked)</source>
        <translation>Danh sách công khai các hồ sơ quá hạn trong kỳ kèm lời xin lỗi và ngày hẹn lại, để in và niêm yết (tên được che bớt)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
</context>
<context>
    <name>CitizenSettingsPanel</name>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (không tìm thấy)</translation>
    </message>
    <message>
        <source>6 digits, e.g. 970415</source>
        <translation>6 chữ số, ví dụ 970415</translation>
    </message>
    <message>
        <source>&lt;b&gt;80 mm slip (thermal printer)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Phiếu khổ 80 mm (máy in nhiệt)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Account that receives fees (VietQR)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tài khoản nhận phí, lệ phí (VietQR)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Citizens&apos; satisfaction&lt;/b&gt;</source>
        <translation>&lt;b&gt;Đánh giá mức độ hài lòng&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Tên chủ tài khoản</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Số tài khoản</translation>
    </message>
    <message>
        <source>Ask the citizen</source>
        <translation>Mời công dân đánh giá</translation>
    </message>
    <message>
        <source>At intake</source>
        <translation>Khi tiếp nhận</translation>
    </message>
    <message>
        <source>Bank BIN</source>
        <translation>Mã BIN ngân hàng</translation>
    </message>
    <message>
        <source>How many levels, from the top of the scale, count as satisfied</source>
        <translation>Bao nhiêu mức đầu thang được tính là hài lòng</translation>
    </message>
    <message>
        <source>Levels counted as satisfied</source>
        <translation>Số mức tính là hài lòng</translation>
    </message>
    <message>
        <source>Levels of the scale</source>
        <translation>Các mức của thang đánh giá</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Chưa lưu: hãy sửa các ô được đánh dấu đỏ.</translation>
    </message>
    <message>
        <source>One level per line, the best first</source>
        <translation>Mỗi dòng một mức, mức tốt nhất ở đầu</translation>
    </message>
    <message>
        <source>Only an administrator can change the settings.</source>
        <translation>Chỉ quản trị viên mới được thay đổi cài đặt.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <source>Slip printer</source>
        <translation>Máy in phiếu</translation>
    </message>
    <message>
        <source>The forms&apos; printer</source>
        <translation>Máy in biểu mẫu</translation>
    </message>
</context>
<context>
    <name>CitizenWindow</name>
    <message>
        <source>MotCua – citizen screen</source>
        <translation>MotCua – màn hình công dân</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Connect to the Centre&apos;s server</source>
        <translation>Kết nối máy chủ của Trung tâm</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <source>Counter number</source>
        <translation>Quầy số</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>One counter: the data stays in a file on this PC (SQLite).</source>
        <translation>Một quầy: dữ liệu nằm trong một tệp trên máy này (SQLite).</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Cổng</translation>
    </message>
    <message>
        <source>Printed on receipts and in the register; shown in the status bar.</source>
        <translation>In trên giấy tiếp nhận và sổ theo dõi; hiện ở thanh trạng thái.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>Several counters: every counter works on one PostgreSQL server on the office network.</source>
        <translation>Nhiều quầy: mọi quầy cùng làm việc trên một máy chủ PostgreSQL trong mạng nội bộ của Trung tâm.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <source>This machine works on its own</source>
        <translation>Máy này dùng riêng</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10</source>
        <translation>ví dụ 192.168.1.10</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>One counter on its own, or one of several counters sharing the Centre&apos;s server.</source>
        <translation>Một quầy làm việc riêng, hay một trong nhiều quầy dùng chung máy chủ của Trung tâm.</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Máy này</translation>
    </message>
</context>
<context>
    <name>CopySources</name>
    <message>
        <source>Choose the scanned pages (PDF, JPEG, PNG, TIFF)</source>
        <translation>Chọn các trang đã quét (PDF, JPEG, PNG, TIFF)</translation>
    </message>
    <message>
        <source>Scans (%1)</source>
        <translation>Bản quét (%1)</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>Choose another backup file…</source>
        <translation>Chọn tệp sao lưu khác…</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Chọn tệp sao lưu</translation>
    </message>
    <message>
        <source>MotCua backups (*.sqlite3)</source>
        <translation>Bản sao lưu MotCua (*.sqlite3)</translation>
    </message>
    <message>
        <source>MotCua – the database is damaged</source>
        <translation>MotCua – cơ sở dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>No good backup found beside the database</source>
        <translation>Không tìm thấy bản sao lưu tốt nào cạnh cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Restore from the newest good backup (%1)</source>
        <translation>Khôi phục từ bản sao lưu tốt mới nhất (%1)</translation>
    </message>
    <message>
        <source>The damaged file is kept aside, never deleted. Dossiers received after the backup will be listed so that they can be entered again.</source>
        <translation>Tệp bị hỏng được đổi tên và giữ lại, không bị xóa. Các hồ sơ tiếp nhận sau thời điểm sao lưu sẽ được liệt kê để nhập lại.</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened: %2.</source>
        <translation>Không mở được cơ sở dữ liệu %1: %2.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>ngày/tháng/năm giờ:phút</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>%1 dossiers</source>
        <translation>%1 hồ sơ</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Từ ngày</translation>
    </message>
    <message>
        <source>&amp;Late</source>
        <translation>&amp;Quá hạn</translation>
    </message>
    <message>
        <source>A code or its end (261201-0003, 0003), an ID number or phone or their first or last digits, a name without accents. Enter searches, Down goes to the list (Ctrl+F)</source>
        <translation>Mã hồ sơ hoặc phần cuối của mã (261201-0003, 0003), số định danh hoặc số điện thoại (đủ số, hoặc từ 4 số đầu hay 4 số cuối), họ tên gõ không dấu. Enter để tìm, mũi tên xuống để vào danh sách (Ctrl+F)</translation>
    </message>
    <message>
        <source>All procedures</source>
        <translation>Tất cả thủ tục</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>D&amp;ue soon</source>
        <translation>&amp;Sắp đến hạn</translation>
    </message>
    <message>
        <source>Due within a day</source>
        <translation>Sắp đến hạn (trong 1 ngày)</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Received from (empty: any date)</source>
        <translation>Tiếp nhận từ ngày (để trống: mọi ngày)</translation>
    </message>
    <message>
        <source>Received until (empty: any date)</source>
        <translation>Tiếp nhận đến ngày (để trống: mọi ngày)</translation>
    </message>
    <message>
        <source>Search: code, ID number, phone or name (Ctrl+F)</source>
        <translation>Tìm: mã hồ sơ, số định danh, điện thoại hoặc họ tên (Ctrl+F)</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>đế&amp;n</translation>
    </message>
</context>
<context>
    <name>DigitisationPanel</name>
    <message>
        <source>4.1 electronic results: %1 · 4.2 digitised at reception: %2 (full marks from 80 %) · 4.3 reused papers: %3</source>
        <translation>4.1 kết quả điện tử: %1 · 4.2 số hóa khi tiếp nhận: %2 (điểm tối đa từ 80 %) · 4.3 tái sử dụng giấy tờ: %3</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Digitisation (QĐ 766, group 4)</source>
        <translation>Số hóa hồ sơ, kết quả (QĐ 766, nhóm 4)</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Dossiers received in the period not fully digitised</source>
        <translation>Hồ sơ tiếp nhận trong kỳ chưa số hóa đủ thành phần</translation>
    </message>
    <message>
        <source>Electronic result</source>
        <translation>Có kết quả điện tử</translation>
    </message>
    <message>
        <source>Every paper digitised</source>
        <translation>Số hóa đủ thành phần</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <source>Papers digitised</source>
        <translation>Giấy tờ đã số hóa</translation>
    </message>
    <message>
        <source>Papers without a copy</source>
        <translation>Giấy tờ chưa có bản điện tử</translation>
    </message>
    <message>
        <source>Rate 4.1</source>
        <translation>Tỷ lệ 4.1</translation>
    </message>
    <message>
        <source>Rate 4.2</source>
        <translation>Tỷ lệ 4.2</translation>
    </message>
    <message>
        <source>Rate 4.3</source>
        <translation>Tỷ lệ 4.3</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Tiếp nhận lúc</translation>
    </message>
    <message>
        <source>Reused</source>
        <translation>Tái sử dụng</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>no paper listed</source>
        <translation>không có giấy tờ nào trong danh sách</translation>
    </message>
</context>
<context>
    <name>DigitisationSettingsPanel</name>
    <message>
        <source>Choose the scanner&apos;s folder</source>
        <translation>Chọn thư mục máy quét</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Digitisation settings saved.</source>
        <translation>Đã lưu cài đặt số hóa.</translation>
    </message>
    <message>
        <source>Largest file accepted</source>
        <translation>Dung lượng tối đa một tệp</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Scanner&apos;s folder</source>
        <translation>Thư mục máy quét</translation>
    </message>
    <message>
        <source>Scans (PDF, JPEG, PNG, TIFF) become one PDF per paper; 200–300 dpi keeps them legible and small.</source>
        <translation>Bản quét (PDF, JPEG, PNG, TIFF) được ghép thành một tệp PDF cho mỗi giấy tờ; quét ở 200–300 dpi vừa rõ vừa gọn.</translation>
    </message>
    <message>
        <source>The folder your scanner saves to, e.g. C:\Scans</source>
        <translation>Thư mục máy quét lưu bản quét, ví dụ C:\Scans</translation>
    </message>
</context>
<context>
    <name>DocumentsChecklist</name>
    <message>
        <source>%1 files to attach</source>
        <translation>%1 tệp sẽ đính kèm</translation>
    </message>
    <message>
        <source>%1 pages captured</source>
        <translation>Đã chụp %1 trang</translation>
    </message>
    <message>
        <source>Add paper</source>
        <translation>Thêm giấy tờ</translation>
    </message>
    <message>
        <source>Add the paper typed on the left (Enter)</source>
        <translation>Thêm giấy tờ vừa gõ bên trái (Enter)</translation>
    </message>
    <message>
        <source>Another paper handed in…</source>
        <translation>Giấy tờ khác công dân nộp thêm…</translation>
    </message>
    <message>
        <source>Camera…</source>
        <translation>Chụp ảnh…</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Electronic copy</source>
        <translation>Bản điện tử</translation>
    </message>
    <message>
        <source>Electronic copy of the selected paper:</source>
        <translation>Bản điện tử của giấy tờ đang chọn:</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>Từ tệp…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>No copy</source>
        <translation>Bỏ bản điện tử</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>Tái sử dụng</translation>
    </message>
    <message>
        <source>Reuse the copy of this paper digitised for the citizen before</source>
        <translation>Tái sử dụng bản điện tử của giấy tờ này đã số hóa cho công dân trước đây</translation>
    </message>
    <message>
        <source>Scanner…</source>
        <translation>Máy quét…</translation>
    </message>
    <message>
        <source>Shown at the counter to be checked, not handed in: the receipt lists it apart</source>
        <translation>Xuất trình tại quầy để đối chiếu, không nộp: giấy tiếp nhận ghi riêng</translation>
    </message>
    <message>
        <source>Space ticks the paper received (or shown); + and − change the originals, Ctrl++ and Ctrl+− the copies</source>
        <translation>Phím cách: đánh dấu giấy tờ đã nhận (hoặc đã xuất trình); + và − đổi số bản chính, Ctrl++ và Ctrl+− đổi số bản sao</translation>
    </message>
    <message>
        <source>digitised before – Reuse</source>
        <translation>đã số hóa trước đây – bấm Tái sử dụng</translation>
    </message>
    <message>
        <source>if the case applies</source>
        <translation>tùy trường hợp</translation>
    </message>
    <message>
        <source>required</source>
        <translation>bắt buộc</translation>
    </message>
    <message>
        <source>reuse (dossier %1)</source>
        <translation>tái sử dụng (hồ sơ %1)</translation>
    </message>
    <message>
        <source>shown only</source>
        <translation>chỉ xuất trình</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <source>%1 (recorded late: %2)</source>
        <translation>%1 (ghi lùi: %2)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả lần đầu</translation>
    </message>
    <message>
        <source>Appointment at reception</source>
        <translation>Hẹn khi tiếp nhận</translation>
    </message>
    <message>
        <source>Authorised person</source>
        <translation>Người được ủy quyền</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh nộp</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <source>Code on the portal</source>
        <translation>Mã trên Cổng DVC</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Counted late from</source>
        <translation>Tính quá hạn từ</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Dossier %1</source>
        <translation>Hồ sơ %1</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Due dates</source>
        <translation>Ngày hẹn</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Electronic copies</source>
        <translation>Bản điện tử</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <source>Extension after the due moment (still late)</source>
        <translation>Gia hạn sau thời điểm hẹn (vẫn tính quá hạn)</translation>
    </message>
    <message>
        <source>Fee and rating</source>
        <translation>Phí, lệ phí và đánh giá</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Xử lý xong</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>LATE</source>
        <translation>QUÁ HẠN</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>Ngày hẹn mới</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Old due date</source>
        <translation>Ngày hẹn cũ</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Processing unit</source>
        <translation>Đơn vị xử lý</translation>
    </message>
    <message>
        <source>Re&amp;print a form</source>
        <translation>&amp;In lại phiếu</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Receipt printed</source>
        <translation>Đã in giấy tiếp nhận</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Received by %1</source>
        <translation>Người nhận: %1</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>Thời điểm ghi</translation>
    </message>
    <message>
        <source>Result collected</source>
        <translation>Nơi nhận kết quả</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Đã trả</translation>
    </message>
    <message>
        <source>Sets / fee</source>
        <translation>Số bộ / lệ phí</translation>
    </message>
    <message>
        <source>Show and print any form of this dossier again</source>
        <translation>Xem và in lại bất kỳ phiếu nào của hồ sơ này</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Submitted online</source>
        <translation>Nộp trực tuyến lúc</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>Đã nhận bổ sung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <source>cannot be returned in this status</source>
        <translation>chưa thể trả kết quả ở trạng thái này</translation>
    </message>
    <message>
        <source>due within a day</source>
        <translation>sắp đến hạn</translation>
    </message>
    <message>
        <source>no longer waiting for this step</source>
        <translation>không còn chờ bước này</translation>
    </message>
    <message>
        <source>no – reprint it</source>
        <translation>chưa – hãy in lại</translation>
    </message>
    <message>
        <source>set when accepted</source>
        <translation>tính khi tiếp nhận</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Due within a day</source>
        <translation>Sắp đến hạn (trong 1 ngày)</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Tệp nhật ký: %1</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Mở thư mục nhật ký</translation>
    </message>
    <message>
        <source>Something went wrong that MotCua did not expect. Work that was already saved is not lost. Please tell the administrator and send the details below.</source>
        <translation>MotCua gặp một lỗi không mong muốn. Những gì đã lưu không bị mất. Hãy báo cho quản trị viên và gửi kèm chi tiết dưới đây.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong muốn</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong. What you saved is kept. Please tell the administrator.</source>
        <translation>Đã xảy ra lỗi. Dữ liệu đã lưu vẫn được giữ nguyên. Hãy báo cho quản trị viên.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
</context>
<context>
    <name>FeeBox</name>
    <message>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <source>Copies asked for</source>
        <translation>Số bản yêu cầu</translation>
    </message>
    <message>
        <source>Enter the number of pages to compute the fee</source>
        <translation>Nhập số trang để tính phí</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Miễn</translation>
    </message>
    <message>
        <source>Exempt (%1)</source>
        <translation>Miễn (%1)</translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation>Phí, lệ phí: %1</translation>
    </message>
    <message>
        <source>Give the reason for the exemption</source>
        <translation>Hãy ghi lý do miễn phí, lệ phí</translation>
    </message>
    <message>
        <source>No fee</source>
        <translation>Không thu phí, lệ phí</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>Pages of the original (the fee is counted per page)</source>
        <translation>Số trang của bản chính (phí tính theo trang)</translation>
    </message>
    <message>
        <source>Reason for the exemption</source>
        <translation>Lý do miễn</translation>
    </message>
    <message>
        <source>The citizen is exempt from the fee; give the reason</source>
        <translation>Người nộp được miễn phí, lệ phí; ghi rõ lý do</translation>
    </message>
</context>
<context>
    <name>FeePanel</name>
    <message>
        <source>Citizen&apos;s rating…</source>
        <translation>Mời công dân đánh giá…</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>Cách tính</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>Fee items</source>
        <translation>Khoản thu</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Đã thu</translation>
    </message>
    <message>
        <source>Paid by transfer</source>
        <translation>Đã nhận chuyển khoản</translation>
    </message>
    <message>
        <source>Paid in cash</source>
        <translation>Đã thu tiền mặt</translation>
    </message>
    <message>
        <source>Payment recorded.</source>
        <translation>Đã ghi nhận khoản thu.</translation>
    </message>
    <message>
        <source>Rating after intake</source>
        <translation>Đánh giá sau tiếp nhận</translation>
    </message>
    <message>
        <source>Rating after return</source>
        <translation>Đánh giá sau trả kết quả</translation>
    </message>
    <message>
        <source>Record that %1 was paid %2 for dossier %3?</source>
        <translation>Ghi nhận đã thu %1 %2 cho hồ sơ %3?</translation>
    </message>
    <message>
        <source>Record the payment</source>
        <translation>Ghi nhận đã thu</translation>
    </message>
    <message>
        <source>Show the rating to the citizen (on the citizen screen if there is one)</source>
        <translation>Hiện phiếu đánh giá cho công dân (trên màn hình công dân nếu có)</translation>
    </message>
    <message>
        <source>VietQR to pay by transfer</source>
        <translation>Mã VietQR để chuyển khoản</translation>
    </message>
    <message>
        <source>by transfer</source>
        <translation>bằng chuyển khoản</translation>
    </message>
    <message>
        <source>in cash</source>
        <translation>bằng tiền mặt</translation>
    </message>
</context>
<context>
    <name>FeeRuleDialog</name>
    <message>
        <source>Amount (đồng)</source>
        <translation>Mức phí (đồng)</translation>
    </message>
    <message>
        <source>An amount per copy</source>
        <translation>Một mức cho mỗi bản</translation>
    </message>
    <message>
        <source>An amount per dossier</source>
        <translation>Một mức cho mỗi hồ sơ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>Cách tính</translation>
    </message>
    <message>
        <source>Fee code</source>
        <translation>Mã phí, lệ phí</translation>
    </message>
    <message>
        <source>Fee name (for the portal)</source>
        <translation>Tên phí, lệ phí (gửi lên Cổng)</translation>
    </message>
    <message>
        <source>Fee rule</source>
        <translation>Quy tắc tính phí</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Most a copy can cost</source>
        <translation>Mức tối đa mỗi bản</translation>
    </message>
    <message>
        <source>One tier per line: first page-last page: price per page; the last tier has no last page</source>
        <translation>Mỗi dòng một bậc: trang đầu-trang cuối: mức phí mỗi trang; bậc cuối để trống trang cuối</translation>
    </message>
    <message>
        <source>Per page of the original, in tiers</source>
        <translation>Theo số trang của bản chính, theo bậc</translation>
    </message>
    <message>
        <source>The flat fee, per dossier</source>
        <translation>Mức lệ phí ở trên, mỗi hồ sơ</translation>
    </message>
    <message>
        <source>The usual reasons for exemption, one per line</source>
        <translation>Các lý do miễn thường gặp, mỗi dòng một lý do</translation>
    </message>
    <message>
        <source>Tiers (đồng a page)</source>
        <translation>Các bậc (đồng/trang)</translation>
    </message>
    <message>
        <source>Use this rule</source>
        <translation>Dùng quy tắc này</translation>
    </message>
    <message>
        <source>Usual exemptions</source>
        <translation>Các trường hợp miễn</translation>
    </message>
    <message>
        <source>Write each tier as first-last: price, e.g. 1-2: 2000.</source>
        <translation>Viết mỗi bậc dạng trang đầu-trang cuối: mức phí, ví dụ 1-2: 2000.</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>không giới hạn</translation>
    </message>
</context>
<context>
    <name>FieldCodesDialog</name>
    <message>
        <source>Field codes</source>
        <translation>Mã lĩnh vực</translation>
    </message>
    <message>
        <source>Type each field&apos;s code as the province&apos;s catalog gives it. The day file sends it with every dossier of the field (MaLinhVuc); a field without a code is sent empty and named in the export&apos;s notes.</source>
        <translation>Nhập mã của từng lĩnh vực theo danh mục của tỉnh. Tệp đồng bộ gửi mã này kèm mọi hồ sơ thuộc lĩnh vực (MaLinhVuc); lĩnh vực chưa có mã được gửi với mã trống và được nêu trong phần lưu ý khi xuất tệp.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Số thủ tục</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>FormPrinter</name>
    <message>
        <source>Not printed: %s The dossier is saved; press Print again.</source>
        <translation>Chưa in được: %s Hồ sơ đã được lưu; bấm In lại.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Đã gửi tới máy in.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <source>About MotCua…</source>
        <translation>Giới thiệu MotCua…</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Mở thư mục nhật ký</translation>
    </message>
</context>
<context>
    <name>HolidaysPanel</name>
    <message>
        <source>Add / change</source>
        <translation>Thêm / sửa</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>Choose a day that the administrator or a province package added.</source>
        <translation>Hãy chọn một ngày do quản trị viên hoặc gói dữ liệu của tỉnh thêm.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Law (holidays)</source>
        <translation>Theo luật (ngày lễ)</translation>
    </message>
    <message>
        <source>Official decision (shipped)</source>
        <translation>Quyết định chính thức (có sẵn)</translation>
    </message>
    <message>
        <source>Province package no. %1</source>
        <translation>Gói của tỉnh số %1</translation>
    </message>
    <message>
        <source>Reason / legal basis</source>
        <translation>Lý do / căn cứ</translation>
    </message>
    <message>
        <source>Remove selected override</source>
        <translation>Bỏ ngày điều chỉnh đang chọn</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>Ngày làm việc</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>e.g. Công văn 9859/VPCP-KGVX</source>
        <translation>ví dụ Công văn 9859/VPCP-KGVX</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>Due dates count working hours; receipts go to this printer.</source>
        <translation>Ngày hẹn tính theo giờ làm việc; giấy tiếp nhận in ra máy in này.</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Giờ làm việc</translation>
    </message>
    <message>
        <source>Office hours and printer</source>
        <translation>Giờ làm việc và máy in</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>Receipt copies</source>
        <translation>Số liên giấy tiếp nhận</translation>
    </message>
    <message>
        <source>Sessions in order, e.g. 07:00-11:30,13:30-17:00</source>
        <translation>Các buổi theo thứ tự, ví dụ 07:00-11:30,13:30-17:00</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>MotCua is already open on this database%1. Only one MotCua window may use a database: switch to the window that is open (look in the taskbar), or close it first.</source>
        <translation>MotCua đang mở cơ sở dữ liệu này%1. Mỗi cơ sở dữ liệu chỉ được một cửa sổ MotCua dùng: hãy chuyển sang cửa sổ đang mở (xem trên thanh tác vụ), hoặc đóng nó trước.</translation>
    </message>
    <message>
        <source>process %1 on computer %2</source>
        <translation>tiến trình %1 trên máy %2</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <source>%1 electronic copies attached</source>
        <translation>Đã đính kèm %1 bản điện tử</translation>
    </message>
    <message>
        <source>%1 – due %2</source>
        <translation>%1 – hẹn trả %2</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Ngày &amp;sinh</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kênh nộp</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>Thư điện tử (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>Số định danh (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Điện thoại (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Result collected</source>
        <translation>Nơi nhận kết &amp;quả</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Giới tính</translation>
    </message>
    <message>
        <source>12 digits, or scan the chip ID card</source>
        <translation>12 chữ số, hoặc quét mã QR trên thẻ căn cước</translation>
    </message>
    <message>
        <source>A&amp;uthorised person (applying on the applicant&apos;s behalf)</source>
        <translation>Người được ủy quyền nộp thay (&amp;U)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Authorisation paper</source>
        <translation>Giấy tờ ủy quyền</translation>
    </message>
    <message>
        <source>Check, save, print the receipt and show it (F9)</source>
        <translation>Kiểm tra, lưu, in giấy tiếp nhận và hiển thị (F9)</translation>
    </message>
    <message>
        <source>Choose a procedure</source>
        <translation>Chọn thủ tục để xem ngày hẹn</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Clear the form without saving (Ctrl+N)</source>
        <translation>Xóa trắng biểu mẫu, không lưu (Ctrl+N)</translation>
    </message>
    <message>
        <source>Documents (&amp;D)</source>
        <translation>Giấ&amp;y tờ</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Ngày hẹn trả kết quả</translation>
    </message>
    <message>
        <source>Fee (&amp;F)</source>
        <translation>Phí, lệ phí (&amp;F)</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>ID number first: a known number fills the rest; a chip ID card scan fills the whole block</source>
        <translation>Nhập số định danh trước: số đã có sẽ tự điền phần còn lại; quét thẻ căn cước gắn chip điền cả khối</translation>
    </message>
    <message>
        <source>Last dossier received</source>
        <translation>Hồ sơ vừa tiếp nhận</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>Ghi &amp;chú</translation>
    </message>
    <message>
        <source>New citizen (Ctrl+N)</source>
        <translation>Công dân mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Number of sets (&amp;K)</source>
        <translation>Số &amp;bộ hồ sơ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Procedure (&amp;T)</source>
        <translation>&amp;Thủ tục</translation>
    </message>
    <message>
        <source>Procedure (Alt+T): type to filter, arrows and Enter to pick</source>
        <translation>Thủ tục (Alt+T): gõ để lọc, dùng mũi tên và Enter để chọn</translation>
    </message>
    <message>
        <source>Receipt not printed: %1</source>
        <translation>Chưa in được giấy tiếp nhận: %1</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Returning applicant: details filled from the last dossier.</source>
        <translation>Công dân đã từng nộp hồ sơ: thông tin được điền từ lần trước.</translation>
    </message>
    <message>
        <source>Save and print receipt (F9)</source>
        <translation>Lưu và in giấy tiếp nhận (F9)</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>Đối tượng (&amp;L)</translation>
    </message>
    <message>
        <source>The scanned code is not a chip ID card.</source>
        <translation>Mã vừa quét không phải mã QR của thẻ căn cước gắn chip.</translation>
    </message>
    <message>
        <source>Type part of the name, without accents if you like</source>
        <translation>Gõ một phần tên thủ tục, có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>e.g. Power of attorney no. 12 of 01/03/2026</source>
        <translation>ví dụ Giấy ủy quyền số 12 ngày 01/03/2026</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả kết quả</translation>
    </message>
    <message>
        <source>Collect the result at</source>
        <translation>Nhận kết quả tại</translation>
    </message>
    <message>
        <source>DOSSIER LOOKUP</source>
        <translation>TRA CỨU HỒ SƠ</translation>
    </message>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Đang tra cứu…</translation>
    </message>
    <message>
        <source>MotCua – dossier lookup</source>
        <translation>MotCua – tra cứu hồ sơ</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Scan the barcode or QR code on your receipt, or type the dossier code and press Enter.</source>
        <translation>Quét mã vạch hoặc mã QR trên giấy tiếp nhận, hoặc nhập mã hồ sơ rồi nhấn Enter.</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Cần bổ sung</translation>
    </message>
</context>
<context>
    <name>LatePanel</name>
    <message>
        <source>%1 late, %2 due within a day</source>
        <translation>%1 quá hạn, %2 đến hạn trong vòng 1 ngày</translation>
    </message>
    <message>
        <source>(the first %1 of each)</source>
        <translation>(mỗi loại hiển thị %1 hồ sơ đầu tiên)</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>Xin lỗi</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Enter or double-click to open the dossier</source>
        <translation>Nhấn Enter hoặc nhấp đúp để mở hồ sơ</translation>
    </message>
    <message>
        <source>Give a late dossier a new appointment and print the apology (Ctrl+P)</source>
        <translation>Hẹn lại ngày trả kết quả cho hồ sơ quá hạn và in phiếu xin lỗi (Ctrl+P)</translation>
    </message>
    <message>
        <source>Give a new appointment and print the apology form</source>
        <translation>Hẹn lại ngày trả kết quả và in Phiếu xin lỗi</translation>
    </message>
    <message>
        <source>Late (new appointment %1)</source>
        <translation>Quá hạn (đã hẹn lại %1)</translation>
    </message>
    <message>
        <source>Late (today)</source>
        <translation>Quá hạn (trong ngày)</translation>
    </message>
    <message>
        <source>Late (waiting for papers)</source>
        <translation>Quá hạn (đang chờ bổ sung)</translation>
    </message>
    <message>
        <source>Late by %1 days</source>
        <translation>Quá hạn %1 ngày</translation>
    </message>
    <message>
        <source>List the late and due-soon dossiers again</source>
        <translation>Lấy lại danh sách hồ sơ quá hạn và sắp đến hạn</translation>
    </message>
    <message>
        <source>Only a leader gives a late dossier a new appointment</source>
        <translation>Chỉ lãnh đạo mới hẹn lại ngày cho hồ sơ đã quá hạn</translation>
    </message>
    <message>
        <source>Print apology for the selected dossier…</source>
        <translation>In phiếu xin lỗi cho hồ sơ đang chọn…</translation>
    </message>
    <message>
        <source>Print apology…</source>
        <translation>In phiếu xin lỗi…</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Officer</source>
        <translation>&amp;Cán bộ</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Centre&apos;s server: %1</source>
        <translation>Máy chủ của Trung tâm: %1</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>Quầy số %1</translation>
    </message>
    <message>
        <source>Dossiers (F6)</source>
        <translation>Hồ sơ (F6)</translation>
    </message>
    <message>
        <source>Hand the counter to another officer (%1)</source>
        <translation>Đăng xuất để cán bộ khác đăng nhập (%1)</translation>
    </message>
    <message>
        <source>Intake (F5)</source>
        <translation>Tiếp nhận (F5)</translation>
    </message>
    <message>
        <source>Officer: %1 (%2)</source>
        <translation>Cán bộ: %1 (%2)</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Return results (F2)</source>
        <translation>Trả kết quả (F2)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Sign out / change officer</source>
        <translation>Đăng xuất / đổi cán bộ</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
</context>
<context>
    <name>OfficePanel</name>
    <message>
        <source>Choose “Connect to the Centre&apos;s server” and fill in the server first.</source>
        <translation>Hãy chọn “Kết nối máy chủ của Trung tâm” và nhập thông tin máy chủ trước.</translation>
    </message>
    <message>
        <source>Copies every dossier, officer, setting, day-file record and the signing key into the empty server database, in one go; the file here is then kept read-only.</source>
        <translation>Chép toàn bộ hồ sơ, cán bộ, cài đặt, nhật ký tệp đồng bộ và khóa ký vào cơ sở dữ liệu trống trên máy chủ trong một lần; sau đó tệp trên máy này được giữ ở chế độ chỉ đọc.</translation>
    </message>
    <message>
        <source>Move all of this counter&apos;s data to %1? The server database must be empty. Other windows of MotCua on this PC must be closed. Afterwards this PC works on the server and the file here is kept read-only.</source>
        <translation>Chuyển toàn bộ dữ liệu của quầy này lên %1? Cơ sở dữ liệu trên máy chủ phải đang trống. Hãy đóng các cửa sổ MotCua khác trên máy này. Sau đó máy này làm việc trên máy chủ và tệp ở đây được giữ ở chế độ chỉ đọc.</translation>
    </message>
    <message>
        <source>Move this counter&apos;s data to the server…</source>
        <translation>Chuyển dữ liệu của quầy này lên máy chủ…</translation>
    </message>
    <message>
        <source>Move to the server</source>
        <translation>Chuyển lên máy chủ</translation>
    </message>
    <message>
        <source>Moving the data to the server…</source>
        <translation>Đang chuyển dữ liệu lên máy chủ…</translation>
    </message>
    <message>
        <source>Save connection</source>
        <translation>Lưu kết nối</translation>
    </message>
    <message>
        <source>Saved. The new connection is used from the next start of MotCua; the counter number from now on.</source>
        <translation>Đã lưu. Kết nối mới được dùng từ lần mở MotCua tiếp theo; số quầy có hiệu lực ngay.</translation>
    </message>
    <message>
        <source>Testing the connection and saving…</source>
        <translation>Đang kiểm tra kết nối và lưu…</translation>
    </message>
</context>
<context>
    <name>OfficersPanel</name>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Account in use</source>
        <translation>Tài khoản đang sử dụng</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <source>e.g. Justice and civil status officer</source>
        <translation>ví dụ: Công chức Tư pháp - Hộ tịch</translation>
    </message>
    <message>
        <source>The title sent to the province with each step this person records</source>
        <translation>Chức danh gửi tỉnh kèm mỗi bước xử lý người này ghi nhận</translation>
    </message>
    <message>
        <source>Add officer</source>
        <translation>Thêm cán bộ</translation>
    </message>
    <message>
        <source>After too many wrong passwords the account waits up to 15 minutes; lift the wait now</source>
        <translation>Sau nhiều lần nhập sai mật khẩu, tài khoản phải chờ tới 15 phút; mở khóa ngay</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Leave empty to keep the current password</source>
        <translation>Để trống nếu giữ mật khẩu hiện tại</translation>
    </message>
    <message>
        <source>Lift sign-in lock</source>
        <translation>Mở khóa đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Lưu thay đổi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>đang sử dụng</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>ngừng sử dụng</translation>
    </message>
    <message>
        <source>sign-in locked until %1</source>
        <translation>khóa đăng nhập đến %1</translation>
    </message>
</context>
<context>
    <name>OnlineQueue</name>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Check and accept…</source>
        <translation>Kiểm tra và tiếp nhận…</translation>
    </message>
    <message>
        <source>Code at the counter</source>
        <translation>Mã tại quầy</translation>
    </message>
    <message>
        <source>Code on the portal</source>
        <translation>Mã trên Cổng DVC</translation>
    </message>
    <message>
        <source>Online dossiers (%1 waiting)</source>
        <translation>Hồ sơ trực tuyến (%1 hồ sơ chờ tiếp nhận)</translation>
    </message>
    <message>
        <source>Open the dossier, check its papers, receive it now and print the receipt (Enter)</source>
        <translation>Mở hồ sơ, kiểm tra giấy tờ, tiếp nhận ngay và in giấy tiếp nhận (Enter)</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Refuse the dossier and print the refusal form</source>
        <translation>Từ chối tiếp nhận và in phiếu từ chối</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Từ chối…</translation>
    </message>
    <message>
        <source>Submitted on the public service portal and brought by the province&apos;s package: received only when accepted here.</source>
        <translation>Nộp trên Cổng dịch vụ công, tỉnh chuyển về trong gói dữ liệu: chỉ được tính là đã tiếp nhận khi tiếp nhận tại đây.</translation>
    </message>
    <message>
        <source>Submitted online</source>
        <translation>Nộp trực tuyến lúc</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>MotCua</source>
        <translation>Một Cửa</translation>
    </message>
</context>
<context>
    <name>PackageBanner</name>
    <message>
        <source>%1 online dossiers are waiting to be checked and accepted.</source>
        <translation>Có %1 hồ sơ trực tuyến đang chờ kiểm tra và tiếp nhận.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Hide what the last package changed</source>
        <translation>Ẩn thông báo về gói vừa áp dụng</translation>
    </message>
    <message>
        <source>Open online dossiers</source>
        <translation>Mở hồ sơ trực tuyến</translation>
    </message>
    <message>
        <source>The catalog of %1 takes effect on %2.</source>
        <translation>Danh mục thủ tục theo %1 sẽ có hiệu lực từ ngày %2.</translation>
    </message>
    <message>
        <source>The catalog of %1 took effect today.</source>
        <translation>Danh mục thủ tục theo %1 có hiệu lực từ hôm nay.</translation>
    </message>
    <message>
        <source>The online dossiers waiting in the dossier desk (F6)</source>
        <translation>Các hồ sơ trực tuyến đang chờ ở màn hình Hồ sơ (F6)</translation>
    </message>
</context>
<context>
    <name>PackagePanel</name>
    <message>
        <source>Applied</source>
        <translation>Đã áp dụng</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>Áp dụng lúc</translation>
    </message>
    <message>
        <source>Apply every package of this agency found in the folder, oldest first</source>
        <translation>Áp dụng mọi gói của cơ quan này có trong thư mục, gói cũ trước</translation>
    </message>
    <message>
        <source>Applying the province&apos;s package…</source>
        <translation>Đang áp dụng gói dữ liệu của tỉnh…</translation>
    </message>
    <message>
        <source>Choose the USB drive or folder with the province&apos;s packages</source>
        <translation>Chọn thẻ nhớ hoặc thư mục chứa gói dữ liệu của tỉnh</translation>
    </message>
    <message>
        <source>Choose the province&apos;s package</source>
        <translation>Chọn gói dữ liệu của tỉnh</translation>
    </message>
    <message>
        <source>Could not read %1. Check the drive or folder and try again.</source>
        <translation>Không đọc được %1. Hãy kiểm tra ổ đĩa hoặc thư mục rồi thử lại.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Import a package file…</source>
        <translation>Nhập một tệp gói…</translation>
    </message>
    <message>
        <source>Import from a USB drive / folder…</source>
        <translation>Nhập từ thẻ nhớ / thư mục…</translation>
    </message>
    <message>
        <source>Made by the province</source>
        <translation>Tỉnh lập lúc</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Không áp dụng: %1</translation>
    </message>
    <message>
        <source>Province packages (motcua-province_*.zip)</source>
        <translation>Gói dữ liệu của tỉnh (motcua-province_*.zip)</translation>
    </message>
    <message>
        <source>Province packages: catalog, calendar, online dossiers</source>
        <translation>Gói dữ liệu của tỉnh: danh mục, lịch làm việc, hồ sơ trực tuyến</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>the province has the acknowledgement</source>
        <translation>tỉnh đã nhận xác nhận</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>&amp;Print again</source>
        <translation>&amp;In lại</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Close the preview (Esc)</source>
        <translation>Đóng bản xem trước (Esc)</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Xem trước bản in</translation>
    </message>
    <message>
        <source>Send this form to the printer again (Ctrl+P)</source>
        <translation>Gửi lại phiếu này tới máy in (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>PrinterCombo</name>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (không tìm thấy)</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>Máy in mặc định của hệ thống</translation>
    </message>
</context>
<context>
    <name>ProcedureDialog</name>
    <message>
        <source>Add document</source>
        <translation>Thêm giấy tờ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>as the province&apos;s catalog gives it; one code per field</source>
        <translation>theo danh mục của tỉnh; mỗi lĩnh vực một mã</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Field code</source>
        <translation>Mã lĩnh vực</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Fee (đồng)</source>
        <translation>Lệ phí (đồng)</translation>
    </message>
    <message>
        <source>Fee note</source>
        <translation>Ghi chú lệ phí</translation>
    </message>
    <message>
        <source>Fee rule</source>
        <translation>Quy tắc tính phí</translation>
    </message>
    <message>
        <source>Fee rule…</source>
        <translation>Quy tắc tính phí…</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>HH:MM, only for same-day procedures</source>
        <translation>HH:MM, chỉ cho thủ tục giải quyết trong ngày</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang áp dụng</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp thực hiện</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Bỏ giấy tờ</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <source>Same-day cut-off</source>
        <translation>Giờ chốt trong ngày</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>The fee above, per dossier</source>
        <translation>Mức lệ phí ở trên, mỗi hồ sơ</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>giải quyết ngay</translation>
    </message>
    <message>
        <source>same day</source>
        <translation>trong ngày</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>ngày làm việc</translation>
    </message>
    <message>
        <source>working hours</source>
        <translation>giờ làm việc</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <source>For the citizen</source>
        <translation>Dành cho công dân</translation>
    </message>
</context>
<context>
    <name>RatingForm</name>
    <message>
        <source>How satisfied are you with our service?</source>
        <translation>Ông/bà có hài lòng với việc giải quyết thủ tục hành chính?</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Your comment (optional)</source>
        <translation>Góp ý của ông/bà (không bắt buộc)</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>%1: %2 % on time (%3 of %4 resolved)</source>
        <translation>%1: %2 % đúng hạn (%3/%4 hồ sơ đã giải quyết)</translation>
    </message>
    <message>
        <source>Click a bar to list its dossiers</source>
        <translation>Nhấp vào một cột để xem danh sách hồ sơ</translation>
    </message>
    <message>
        <source>Dossiers resolved</source>
        <translation>Số hồ sơ đã giải quyết</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>On-time rate (%)</source>
        <translation>Tỷ lệ đúng hạn (%)</translation>
    </message>
    <message>
        <source>On-time rate by month</source>
        <translation>Tỷ lệ đúng hạn theo tháng</translation>
    </message>
    <message>
        <source>On-time rate by month, %1</source>
        <translation>Tỷ lệ đúng hạn theo tháng, %1</translation>
    </message>
    <message>
        <source>On-time rate by month: computing…</source>
        <translation>Tỷ lệ đúng hạn theo tháng: đang tính…</translation>
    </message>
    <message>
        <source>Resolved dossiers by field</source>
        <translation>Hồ sơ đã giải quyết theo lĩnh vực</translation>
    </message>
    <message>
        <source>Resolved dossiers by field, %1</source>
        <translation>Hồ sơ đã giải quyết theo lĩnh vực, %1</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>%1 (%2) – figures as of %3</source>
        <translation>%1 (%2) – số liệu tính đến %3</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Before
due</source>
        <translation>Trước
hạn</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Theo</translation>
    </message>
    <message>
        <source>Carried
over</source>
        <translation>Kỳ trước
chuyển sang</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>Citizens</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Compute the figures for the period (Enter)</source>
        <translation>Tính số liệu của kỳ báo cáo (Enter)</translation>
    </message>
    <message>
        <source>Computing the report…</source>
        <translation>Đang tổng hợp báo cáo…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>Counter
and post</source>
        <translation>Trực tiếp,
bưu chính</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <source>Digitisation</source>
        <translation>Số hóa</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Enter or double-click a figure to list its dossiers</source>
        <translation>Enter hoặc nhấp đúp vào một số liệu để xem danh sách hồ sơ</translation>
    </message>
    <message>
        <source>Excel file…</source>
        <translation>Tệp Excel…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Field / procedure</source>
        <translation>Lĩnh vực / thủ tục</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Bảng số liệu</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Từ ngày – đến ngày</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <source>In progress
late</source>
        <translation>Đang giải quyết
quá hạn</translation>
    </message>
    <message>
        <source>In progress
total</source>
        <translation>Đang giải quyết
tổng số</translation>
    </message>
    <message>
        <source>Late and due soon</source>
        <translation>Quá hạn – sắp đến hạn</translation>
    </message>
    <message>
        <source>Late and due soon (%1)</source>
        <translation>Quá hạn – sắp đến hạn (%1)</translation>
    </message>
    <message>
        <source>Late dossiers</source>
        <translation>Hồ sơ quá hạn</translation>
    </message>
    <message>
        <source>Late dossiers, %1</source>
        <translation>Hồ sơ quá hạn, %1</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>On
time</source>
        <translation>Đúng
hạn</translation>
    </message>
    <message>
        <source>On-time
rate</source>
        <translation>Tỷ lệ
đúng hạn</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực
tuyến</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Print (PDF)…</source>
        <translation>In (PDF)…</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Received
total</source>
        <translation>Tiếp nhận
tổng số</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>Báo cáo %1</translation>
    </message>
    <message>
        <source>Resolved
late</source>
        <translation>Đã giải quyết
quá hạn</translation>
    </message>
    <message>
        <source>Resolved
total</source>
        <translation>Đã giải quyết
tổng số</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Show report</source>
        <translation>Xem báo cáo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Within
time</source>
        <translation>Trong
hạn</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Đang tìm %1…</translation>
    </message>
    <message>
        <source>No dossier has the code “%1”. Check the receipt and scan again.</source>
        <translation>Không tìm thấy hồ sơ có mã “%1”. Hãy kiểm tra giấy tiếp nhận và quét lại.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Open the dossier (Enter)</source>
        <translation>Mở hồ sơ (Enter)</translation>
    </message>
    <message>
        <source>Reach this field from anywhere with F2</source>
        <translation>Nhấn F2 ở bất kỳ màn hình nào để tới ô này</translation>
    </message>
    <message>
        <source>Results ready to hand over (processed, not yet returned)</source>
        <translation>Kết quả chờ trả (đã xử lý xong, chưa trả)</translation>
    </message>
    <message>
        <source>Scan the receipt barcode or type the dossier code, then Enter</source>
        <translation>Quét mã vạch trên giấy tiếp nhận hoặc gõ mã hồ sơ, rồi Enter</translation>
    </message>
</context>
<context>
    <name>ScanFolderDialog</name>
    <message>
        <source>Scans in the scanner&apos;s folder</source>
        <translation>Bản quét trong thư mục máy quét</translation>
    </message>
    <message>
        <source>Tick the pages of this paper (Space); they become one PDF in name order.</source>
        <translation>Đánh dấu các trang của giấy tờ này (phím cách); các trang được ghép thành một tệp PDF theo thứ tự tên tệp.</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <source>Lost connection to the server</source>
        <translation>Mất kết nối máy chủ</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>no dossier can be received or updated until the Centre&apos;s server is back; nothing half-done was saved, the program reconnects by itself.</source>
        <translation>chưa tiếp nhận, cập nhật được hồ sơ cho đến khi máy chủ hoạt động lại; không có gì bị ghi dở, phần mềm tự kết nối lại.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Agency code</source>
        <translation>Mã định danh cơ quan</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Citizens</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Điện thoại liên hệ</translation>
    </message>
    <message>
        <source>Digitisation</source>
        <translation>Số hóa</translation>
    </message>
    <message>
        <source>Dossier lookup address</source>
        <translation>Địa chỉ tra cứu hồ sơ</translation>
    </message>
    <message>
        <source>Governing body</source>
        <translation>Đơn vị chủ quản</translation>
    </message>
    <message>
        <source>Head&apos;s name</source>
        <translation>Họ tên thủ trưởng</translation>
    </message>
    <message>
        <source>Head&apos;s title (signs apologies)</source>
        <translation>Chức danh thủ trưởng (ký phiếu xin lỗi)</translation>
    </message>
    <message>
        <source>Holidays and working days</source>
        <translation>Ngày nghỉ và ngày làm bù</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Chưa lưu: hãy sửa các ô được đánh dấu đỏ.</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Giờ làm việc</translation>
    </message>
    <message>
        <source>Office hours and printing</source>
        <translation>Giờ làm việc và in ấn</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Only an administrator can change the settings.</source>
        <translation>Chỉ quản trị viên mới được thay đổi cài đặt.</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <source>Place (date line)</source>
        <translation>Địa danh (dòng ngày tháng)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>Receipt copies</source>
        <translation>Số liên giấy tiếp nhận</translation>
    </message>
    <message>
        <source>Register volume</source>
        <translation>Quyển sổ theo dõi</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Lưu cài đặt</translation>
    </message>
    <message>
        <source>Sessions in order, e.g. 07:00-11:30,13:30-17:00</source>
        <translation>Các buổi theo thứ tự, ví dụ 07:00-11:30,13:30-17:00</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <source>Store the agency settings (Ctrl+S)</source>
        <translation>Lưu cài đặt của cơ quan (Ctrl+S)</translation>
    </message>
    <message>
        <source>The list is read again each time it is opened</source>
        <translation>Danh sách được đọc lại mỗi lần mở</translation>
    </message>
    <message>
        <source>This machine and the server</source>
        <translation>Máy này và máy chủ</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Tên bộ phận</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>MotCua – first-time setup</source>
        <translation>MotCua – thiết lập lần đầu</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không khớp nhau.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>MotCua – sign in</source>
        <translation>MotCua – đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
</context>
<context>
    <name>SyncBanner</name>
    <message>
        <source>Export the day files and import the province&apos;s acknowledgements</source>
        <translation>Xuất tệp đồng bộ theo ngày và nhập tệp xác nhận của tỉnh</translation>
    </message>
    <message>
        <source>Open Sync</source>
        <translation>Mở Đồng bộ</translation>
    </message>
    <message>
        <source>… and %1 more days.</source>
        <translation>… và %1 ngày khác.</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>%1 records were left out: see the file&apos;s manifest.</source>
        <translation>Có %1 bản ghi bị để riêng, không đưa vào tệp: xem tệp manifest.</translation>
    </message>
    <message>
        <source>Acknowledgement files (*.json)</source>
        <translation>Tệp xác nhận (*.json)</translation>
    </message>
    <message>
        <source>Acknowledgement imported.</source>
        <translation>Đã nhập tệp xác nhận.</translation>
    </message>
    <message>
        <source>Change the sync folder…</source>
        <translation>Đổi thư mục đồng bộ…</translation>
    </message>
    <message>
        <source>Choose the USB drive or folder</source>
        <translation>Chọn ổ USB hoặc thư mục</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Lưu ý: %1</translation>
    </message>
    <message>
        <source>Choose the province&apos;s acknowledgement file</source>
        <translation>Chọn tệp xác nhận của tỉnh</translation>
    </message>
    <message>
        <source>Choose the sync folder</source>
        <translation>Chọn thư mục đồng bộ</translation>
    </message>
    <message>
        <source>Could not write or read the file %1. Check the drive or folder and try again.</source>
        <translation>Không ghi hoặc đọc được tệp %1. Hãy kiểm tra ổ đĩa hoặc thư mục rồi thử lại.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Mã hóa</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Export to a USB drive / other folder…</source>
        <translation>Xuất ra ổ USB / thư mục khác…</translation>
    </message>
    <message>
        <source>Export to the sync folder</source>
        <translation>Xuất tệp vào thư mục đồng bộ</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>Thời điểm xuất</translation>
    </message>
    <message>
        <source>Exported files</source>
        <translation>Các tệp đã xuất</translation>
    </message>
    <message>
        <source>Exporting the day file…</source>
        <translation>Đang xuất tệp đồng bộ…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>File of %1 written (revision %2): %3 dossiers, %4 events.</source>
        <translation>Đã ghi tệp ngày %1 (lần xuất %2): %3 hồ sơ, %4 sự kiện.</translation>
    </message>
    <message>
        <source>Import the province&apos;s acknowledgement…</source>
        <translation>Nhập tệp xác nhận của tỉnh…</translation>
    </message>
    <message>
        <source>NOT DELIVERED: %1 records missing</source>
        <translation>CHƯA GIAO ĐỦ: thiếu %1 bản ghi</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Not acknowledged yet</source>
        <translation>Chưa có xác nhận</translation>
    </message>
    <message>
        <source>Nothing changed since the last export: the same file was written again.</source>
        <translation>Không có gì thay đổi từ lần xuất trước: đã ghi lại đúng tệp đó.</translation>
    </message>
    <message>
        <source>Province&apos;s acknowledgement</source>
        <translation>Xác nhận của tỉnh</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần xuất</translation>
    </message>
    <message>
        <source>Sync folder: %1</source>
        <translation>Thư mục đồng bộ: %1</translation>
    </message>
    <message>
        <source>Write the chosen day&apos;s file into the sync folder</source>
        <translation>Ghi tệp của ngày đã chọn vào thư mục đồng bộ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Leave</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Leave the lookup screen</source>
        <translation>Thoát màn hình tra cứu</translation>
    </message>
    <message>
        <source>Only an officer may leave the lookup screen.</source>
        <translation>Chỉ cán bộ mới được thoát màn hình tra cứu.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Ở lại</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
</context>
</TS>
