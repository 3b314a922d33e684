<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Processing unit</source>
        <translation>Đơn vị xử lý</translation>
    </message>
    <message>
        <source>Papers or contents to supplement (one per line)</source>
        <translation>Giấy tờ, nội dung cần bổ sung (mỗi dòng một mục)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>List everything at once: the guidance must be complete in one go. The clock stops until the papers come back.</source>
        <translation>Ghi đủ mọi nội dung trong một lần hướng dẫn. Thời gian giải quyết tạm dừng cho đến khi nhận đủ hồ sơ bổ sung.</translation>
    </message>
    <message>
        <source>The due date moves by the working time paused.</source>
        <translation>Ngày hẹn được lùi thêm đúng số giờ làm việc đã tạm dừng.</translation>
    </message>
    <message>
        <source>Financial obligation</source>
        <translation>Nội dung nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>Ngày hẹn mới</translation>
    </message>
    <message>
        <source>Reason (printed on the apology)</source>
        <translation>Lý do (in trên Phiếu xin lỗi)</translation>
    </message>
    <message>
        <source>Received by (full name)</source>
        <translation>Họ tên người nhận kết quả</translation>
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
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Record this step (Ctrl+Enter)</source>
        <translation>Ghi nhận bước này (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close without recording (Esc)</source>
        <translation>Đóng, không ghi nhận (Esc)</translation>
    </message>
</context>
<context>
    <name>AddressPicker</name>
    <message>
        <source>House number, street, hamlet…</source>
        <translation>Số nhà, đường, thôn/xóm/tổ dân phố…</translation>
    </message>
    <message>
        <source>Province / city</source>
        <translation>Tỉnh / thành phố</translation>
    </message>
    <message>
        <source>Commune / ward</source>
        <translation>Xã / phường</translation>
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
        <source>The first account manages officers and settings.</source>
        <translation>Tài khoản đầu tiên quản lý cán bộ và cài đặt.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
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
</context>
<context>
    <name>AgencyPage</name>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
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
        <source>e.g. UBND XÃ TAM ĐẢO</source>
        <translation>ví dụ UBND XÃ TAM ĐẢO</translation>
    </message>
    <message>
        <source>e.g. Tam Đảo</source>
        <translation>ví dụ Tam Đảo</translation>
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
        <source>Unit name</source>
        <translation>Tên bộ phận</translation>
    </message>
    <message>
        <source>Place (date line)</source>
        <translation>Địa danh (dòng ngày tháng)</translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <source>Filter by name, field or code (accents optional)</source>
        <translation>Lọc theo tên, lĩnh vực hoặc mã (gõ có dấu hay không dấu đều được)</translation>
    </message>
    <message>
        <source>Show procedures no longer in use</source>
        <translation>Hiện cả thủ tục đã ngừng áp dụng</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>New procedure</source>
        <translation>Thêm thủ tục</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Edit the selected procedure (Enter or double-click)</source>
        <translation>Sửa thủ tục đang chọn (Enter hoặc nhấp đúp)</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>Nhập từ tệp…</translation>
    </message>
    <message>
        <source>A province&apos;s catalog as JSON or CSV; checked in full before anything changes</source>
        <translation>Danh mục của tỉnh dạng JSON hoặc CSV; kiểm tra toàn bộ trước khi thay đổi</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất tệp…</translation>
    </message>
    <message>
        <source>%1 procedures</source>
        <translation>%1 thủ tục</translation>
    </message>
    <message>
        <source>Import catalog</source>
        <translation>Nhập danh mục</translation>
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
        <source>Nothing was imported:</source>
        <translation>Chưa nhập gì vào danh mục:</translation>
    </message>
    <message>
        <source>New: %1, changed: %2, unchanged: %3. Import?</source>
        <translation>Mới: %1, thay đổi: %2, không đổi: %3. Nhập vào danh mục?</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Export catalog</source>
        <translation>Xuất danh mục</translation>
    </message>
    <message>
        <source>%1 procedures exported</source>
        <translation>Đã xuất %1 thủ tục</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>ngày/tháng/năm giờ:phút</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>Search: code, ID number, phone or name (Ctrl+F)</source>
        <translation>Tìm: mã hồ sơ, số định danh, điện thoại hoặc họ tên (Ctrl+F)</translation>
    </message>
    <message>
        <source>A code or its end (261201-0003, 0003), an ID number or phone or their first or last digits, a name without accents. Enter searches, Down goes to the list (Ctrl+F)</source>
        <translation>Mã hồ sơ hoặc phần cuối của mã (261201-0003, 0003), số định danh hoặc số điện thoại (đủ số, hoặc từ 4 số đầu hay 4 số cuối), họ tên gõ không dấu. Enter để tìm, mũi tên xuống để vào danh sách (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>All procedures</source>
        <translation>Tất cả thủ tục</translation>
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
        <source>&amp;From</source>
        <translation>&amp;Từ ngày</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>đế&amp;n</translation>
    </message>
    <message>
        <source>&amp;Late</source>
        <translation>&amp;Quá hạn</translation>
    </message>
    <message>
        <source>D&amp;ue soon</source>
        <translation>&amp;Sắp đến hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due within a day</source>
        <translation>Sắp đến hạn (trong 1 ngày)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>%1 dossiers</source>
        <translation>%1 hồ sơ</translation>
    </message>
</context>
<context>
    <name>DocumentsChecklist</name>
    <message>
        <source>required</source>
        <translation>bắt buộc</translation>
    </message>
    <message>
        <source>if the case applies</source>
        <translation>tùy trường hợp</translation>
    </message>
    <message>
        <source>shown only</source>
        <translation>chỉ xuất trình</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Space ticks the paper received (or shown); + and − change the originals, Ctrl++ and Ctrl+− the copies</source>
        <translation>Phím cách: đánh dấu giấy tờ đã nhận (hoặc đã xuất trình); + và − đổi số bản chính, Ctrl++ và Ctrl+− đổi số bản sao</translation>
    </message>
    <message>
        <source>Shown at the counter to be checked, not handed in: the receipt lists it apart</source>
        <translation>Xuất trình tại quầy để đối chiếu, không nộp: giấy tiếp nhận ghi riêng</translation>
    </message>
    <message>
        <source>Another paper handed in…</source>
        <translation>Giấy tờ khác công dân nộp thêm…</translation>
    </message>
    <message>
        <source>Add paper</source>
        <translation>Thêm giấy tờ</translation>
    </message>
    <message>
        <source>Add the paper typed on the left (Enter)</source>
        <translation>Thêm giấy tờ vừa gõ bên trái (Enter)</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <source>Dossier %1</source>
        <translation>Hồ sơ %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Old due date</source>
        <translation>Ngày hẹn cũ</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>Ngày hẹn mới</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <source>Due dates</source>
        <translation>Ngày hẹn</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Re&amp;print a form</source>
        <translation>&amp;In lại phiếu</translation>
    </message>
    <message>
        <source>Show and print any form of this dossier again</source>
        <translation>Xem và in lại bất kỳ phiếu nào của hồ sơ này</translation>
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
        <source>LATE</source>
        <translation>QUÁ HẠN</translation>
    </message>
    <message>
        <source>due within a day</source>
        <translation>sắp đến hạn</translation>
    </message>
    <message>
        <source>cannot be returned in this status</source>
        <translation>chưa thể trả kết quả ở trạng thái này</translation>
    </message>
    <message>
        <source>Received by %1</source>
        <translation>Người nhận: %1</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả lần đầu</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>Đã nhận bổ sung</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Authorised person</source>
        <translation>Người được ủy quyền</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh nộp</translation>
    </message>
    <message>
        <source>Result collected</source>
        <translation>Nơi nhận kết quả</translation>
    </message>
    <message>
        <source>Sets / fee</source>
        <translation>Số bộ / lệ phí</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Processing unit</source>
        <translation>Đơn vị xử lý</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Xử lý xong</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Đã trả</translation>
    </message>
    <message>
        <source>Receipt printed</source>
        <translation>Đã in giấy tiếp nhận</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no – reprint it</source>
        <translation>chưa – hãy in lại</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
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
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due within a day</source>
        <translation>Sắp đến hạn (trong 1 ngày)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <source>Something went wrong. What you saved is kept. Please tell the administrator.</source>
        <translation>Đã xảy ra lỗi. Dữ liệu đã lưu vẫn được giữ nguyên. Hãy báo cho quản trị viên.</translation>
    </message>
</context>
<context>
    <name>FormPrinter</name>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Đã gửi tới máy in.</translation>
    </message>
    <message>
        <source>Not printed: %s The dossier is saved; press Print again.</source>
        <translation>Chưa in được: %s Hồ sơ đã được lưu; bấm In lại.</translation>
    </message>
</context>
<context>
    <name>HolidaysPanel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Reason / legal basis</source>
        <translation>Lý do / căn cứ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>Ngày làm việc</translation>
    </message>
    <message>
        <source>e.g. Công văn 9859/VPCP-KGVX</source>
        <translation>ví dụ Công văn 9859/VPCP-KGVX</translation>
    </message>
    <message>
        <source>Add / change</source>
        <translation>Thêm / sửa</translation>
    </message>
    <message>
        <source>Remove selected override</source>
        <translation>Bỏ ngày điều chỉnh đang chọn</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>Law (holidays)</source>
        <translation>Theo luật (ngày lễ)</translation>
    </message>
    <message>
        <source>Choose a day that the administrator added.</source>
        <translation>Hãy chọn một ngày do quản trị viên thêm.</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>Office hours and printer</source>
        <translation>Giờ làm việc và máy in</translation>
    </message>
    <message>
        <source>Due dates count working hours; receipts go to this printer.</source>
        <translation>Ngày hẹn tính theo giờ làm việc; giấy tiếp nhận in ra máy in này.</translation>
    </message>
    <message>
        <source>Sessions in order, e.g. 07:00-11:30,13:30-17:00</source>
        <translation>Các buổi theo thứ tự, ví dụ 07:00-11:30,13:30-17:00</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Giờ làm việc</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>Receipt copies</source>
        <translation>Số liên giấy tiếp nhận</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <source>12 digits, or scan the chip ID card</source>
        <translation>12 chữ số, hoặc quét mã QR trên thẻ căn cước</translation>
    </message>
    <message>
        <source>ID number first: a known number fills the rest; a chip ID card scan fills the whole block</source>
        <translation>Nhập số định danh trước: số đã có sẽ tự điền phần còn lại; quét thẻ căn cước gắn chip điền cả khối</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>Số định danh (&amp;I)</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>Đối tượng (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Ngày &amp;sinh</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Giới tính</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>Thư điện tử (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>A&amp;uthorised person (applying on the applicant&apos;s behalf)</source>
        <translation>Người được ủy quyền nộp thay (&amp;U)</translation>
    </message>
    <message>
        <source>Documents (&amp;D)</source>
        <translation>Giấ&amp;y tờ</translation>
    </message>
    <message>
        <source>Number of sets (&amp;K)</source>
        <translation>Số &amp;bộ hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kênh nộp</translation>
    </message>
    <message>
        <source>&amp;Result collected</source>
        <translation>Nơi nhận kết &amp;quả</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>Ghi &amp;chú</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Điện thoại (&amp;P)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>e.g. Power of attorney no. 12 of 01/03/2026</source>
        <translation>ví dụ Giấy ủy quyền số 12 ngày 01/03/2026</translation>
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
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Authorisation paper</source>
        <translation>Giấy tờ ủy quyền</translation>
    </message>
    <message>
        <source>Type part of the name, without accents if you like</source>
        <translation>Gõ một phần tên thủ tục, có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>Procedure (Alt+T): type to filter, arrows and Enter to pick</source>
        <translation>Thủ tục (Alt+T): gõ để lọc, dùng mũi tên và Enter để chọn</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Procedure (&amp;T)</source>
        <translation>&amp;Thủ tục</translation>
    </message>
    <message>
        <source>Save and print receipt (F9)</source>
        <translation>Lưu và in giấy tiếp nhận (F9)</translation>
    </message>
    <message>
        <source>Check, save, print the receipt and show it (F9)</source>
        <translation>Kiểm tra, lưu, in giấy tiếp nhận và hiển thị (F9)</translation>
    </message>
    <message>
        <source>New citizen (Ctrl+N)</source>
        <translation>Công dân mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Clear the form without saving (Ctrl+N)</source>
        <translation>Xóa trắng biểu mẫu, không lưu (Ctrl+N)</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Ngày hẹn trả kết quả</translation>
    </message>
    <message>
        <source>Last dossier received</source>
        <translation>Hồ sơ vừa tiếp nhận</translation>
    </message>
    <message>
        <source>The scanned code is not a chip ID card.</source>
        <translation>Mã vừa quét không phải mã QR của thẻ căn cước gắn chip.</translation>
    </message>
    <message>
        <source>Returning applicant: details filled from the last dossier.</source>
        <translation>Công dân đã từng nộp hồ sơ: thông tin được điền từ lần trước.</translation>
    </message>
    <message>
        <source>Choose a procedure</source>
        <translation>Chọn thủ tục để xem ngày hẹn</translation>
    </message>
    <message>
        <source>%1 – due %2</source>
        <translation>%1 – hẹn trả %2</translation>
    </message>
    <message>
        <source>Receipt not printed: %1</source>
        <translation>Chưa in được giấy tiếp nhận: %1</translation>
    </message>
</context>
<context>
    <name>LatePanel</name>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>List the late and due-soon dossiers again</source>
        <translation>Lấy lại danh sách hồ sơ quá hạn và sắp đến hạn</translation>
    </message>
    <message>
        <source>Print apology for the selected dossier…</source>
        <translation>In phiếu xin lỗi cho hồ sơ đang chọn…</translation>
    </message>
    <message>
        <source>Give a late dossier a new appointment and print the apology (Ctrl+P)</source>
        <translation>Hẹn lại ngày trả kết quả cho hồ sơ quá hạn và in phiếu xin lỗi (Ctrl+P)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>Xin lỗi</translation>
    </message>
    <message>
        <source>Enter or double-click to open the dossier</source>
        <translation>Nhấn Enter hoặc nhấp đúp để mở hồ sơ</translation>
    </message>
    <message>
        <source>Print apology…</source>
        <translation>In phiếu xin lỗi…</translation>
    </message>
    <message>
        <source>Give a new appointment and print the apology form</source>
        <translation>Hẹn lại ngày trả kết quả và in Phiếu xin lỗi</translation>
    </message>
    <message>
        <source>%1 late, %2 due within a day</source>
        <translation>%1 quá hạn, %2 đến hạn trong vòng 1 ngày</translation>
    </message>
    <message>
        <source>(the first %1 of each)</source>
        <translation>(mỗi loại hiển thị %1 hồ sơ đầu tiên)</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Late (waiting for papers)</source>
        <translation>Quá hạn (đang chờ bổ sung)</translation>
    </message>
    <message>
        <source>Late (today)</source>
        <translation>Quá hạn (trong ngày)</translation>
    </message>
    <message>
        <source>Late by %1 days</source>
        <translation>Quá hạn %1 ngày</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intake (F5)</source>
        <translation>Tiếp nhận (F5)</translation>
    </message>
    <message>
        <source>Dossiers (F6)</source>
        <translation>Hồ sơ (F6)</translation>
    </message>
    <message>
        <source>Return results (F2)</source>
        <translation>Trả kết quả (F2)</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>Cán bộ: %1</translation>
    </message>
</context>
<context>
    <name>OfficersPanel</name>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Account in use</source>
        <translation>Tài khoản đang sử dụng</translation>
    </message>
    <message>
        <source>Leave empty to keep the current password</source>
        <translation>Để trống nếu giữ mật khẩu hiện tại</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Add officer</source>
        <translation>Thêm cán bộ</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Lưu thay đổi</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
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
    <name>PdfPreview</name>
    <message>
        <source>Print preview</source>
        <translation>Xem trước bản in</translation>
    </message>
    <message>
        <source>&amp;Print again</source>
        <translation>&amp;In lại</translation>
    </message>
    <message>
        <source>Send this form to the printer again (Ctrl+P)</source>
        <translation>Gửi lại phiếu này tới máy in (Ctrl+P)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Close the preview (Esc)</source>
        <translation>Đóng bản xem trước (Esc)</translation>
    </message>
</context>
<context>
    <name>PrinterCombo</name>
    <message>
        <source>System default printer</source>
        <translation>Máy in mặc định của hệ thống</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (không tìm thấy)</translation>
    </message>
</context>
<context>
    <name>ProcedureDialog</name>
    <message>
        <source>working days</source>
        <translation>ngày làm việc</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>working hours</source>
        <translation>giờ làm việc</translation>
    </message>
    <message>
        <source>same day</source>
        <translation>trong ngày</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>giải quyết ngay</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
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
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <source>Add document</source>
        <translation>Thêm giấy tờ</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Bỏ giấy tờ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp thực hiện</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Same-day cut-off</source>
        <translation>Giờ chốt trong ngày</translation>
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
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Giấy tờ</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>On-time rate by month</source>
        <translation>Tỷ lệ đúng hạn theo tháng</translation>
    </message>
    <message>
        <source>Resolved dossiers by field</source>
        <translation>Hồ sơ đã giải quyết theo lĩnh vực</translation>
    </message>
    <message>
        <source>Click a bar to list its dossiers</source>
        <translation>Nhấp vào một cột để xem danh sách hồ sơ</translation>
    </message>
    <message>
        <source>On-time rate by month: computing…</source>
        <translation>Tỷ lệ đúng hạn theo tháng: đang tính…</translation>
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
        <source>On-time rate by month, %1</source>
        <translation>Tỷ lệ đúng hạn theo tháng, %1</translation>
    </message>
    <message>
        <source>%1: %2 % on time (%3 of %4 resolved)</source>
        <translation>%1: %2 % đúng hạn (%3/%4 hồ sơ đã giải quyết)</translation>
    </message>
    <message>
        <source>Dossiers resolved</source>
        <translation>Số hồ sơ đã giải quyết</translation>
    </message>
    <message>
        <source>Resolved dossiers by field, %1</source>
        <translation>Hồ sơ đã giải quyết theo lĩnh vực, %1</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Received
total</source>
        <translation>Tiếp nhận
tổng số</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực
tuyến</translation>
    </message>
    <message>
        <source>Counter
and post</source>
        <translation>Trực tiếp,
bưu chính</translation>
    </message>
    <message>
        <source>Carried
over</source>
        <translation>Kỳ trước
chuyển sang</translation>
    </message>
    <message>
        <source>Resolved
total</source>
        <translation>Đã giải quyết
tổng số</translation>
    </message>
    <message>
        <source>Before
due</source>
        <translation>Trước
hạn</translation>
    </message>
    <message>
        <source>On
time</source>
        <translation>Đúng
hạn</translation>
    </message>
    <message>
        <source>Resolved
late</source>
        <translation>Đã giải quyết
quá hạn</translation>
    </message>
    <message>
        <source>In progress
total</source>
        <translation>Đang giải quyết
tổng số</translation>
    </message>
    <message>
        <source>Within
time</source>
        <translation>Trong
hạn</translation>
    </message>
    <message>
        <source>In progress
late</source>
        <translation>Đang giải quyết
quá hạn</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Từ ngày – đến ngày</translation>
    </message>
    <message>
        <source>Show report</source>
        <translation>Xem báo cáo</translation>
    </message>
    <message>
        <source>Compute the figures for the period (Enter)</source>
        <translation>Tính số liệu của kỳ báo cáo (Enter)</translation>
    </message>
    <message>
        <source>Late dossiers</source>
        <translation>Hồ sơ quá hạn</translation>
    </message>
    <message>
        <source>Print (PDF)…</source>
        <translation>In (PDF)…</translation>
    </message>
    <message>
        <source>Excel file…</source>
        <translation>Tệp Excel…</translation>
    </message>
    <message>
        <source>Field / procedure</source>
        <translation>Lĩnh vực / thủ tục</translation>
    </message>
    <message>
        <source>On-time
rate</source>
        <translation>Tỷ lệ
đúng hạn</translation>
    </message>
    <message>
        <source>Enter or double-click a figure to list its dossiers</source>
        <translation>Enter hoặc nhấp đúp vào một số liệu để xem danh sách hồ sơ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
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
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Theo</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Bảng số liệu</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
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
        <source>Computing…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>Computing the report…</source>
        <translation>Đang tổng hợp báo cáo…</translation>
    </message>
    <message>
        <source>%1 (%2) – figures as of %3</source>
        <translation>%1 (%2) – số liệu tính đến %3</translation>
    </message>
    <message>
        <source>Late dossiers, %1</source>
        <translation>Hồ sơ quá hạn, %1</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>Báo cáo %1</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <source>Scan the receipt barcode or type the dossier code, then Enter</source>
        <translation>Quét mã vạch trên giấy tiếp nhận hoặc gõ mã hồ sơ, rồi Enter</translation>
    </message>
    <message>
        <source>Reach this field from anywhere with F2</source>
        <translation>Nhấn F2 ở bất kỳ màn hình nào để tới ô này</translation>
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
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Results ready to hand over (processed, not yet returned)</source>
        <translation>Kết quả chờ trả (đã xử lý xong, chưa trả)</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Đang tìm %1…</translation>
    </message>
    <message>
        <source>No dossier has the code “%1”. Check the receipt and scan again.</source>
        <translation>Không tìm thấy hồ sơ có mã “%1”. Hãy kiểm tra giấy tiếp nhận và quét lại.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Sessions in order, e.g. 07:00-11:30,13:30-17:00</source>
        <translation>Các buổi theo thứ tự, ví dụ 07:00-11:30,13:30-17:00</translation>
    </message>
    <message>
        <source>The list is read again each time it is opened</source>
        <translation>Danh sách được đọc lại mỗi lần mở</translation>
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
        <source>Unit name</source>
        <translation>Tên bộ phận</translation>
    </message>
    <message>
        <source>Place (date line)</source>
        <translation>Địa danh (dòng ngày tháng)</translation>
    </message>
    <message>
        <source>Head&apos;s title (signs apologies)</source>
        <translation>Chức danh thủ trưởng (ký phiếu xin lỗi)</translation>
    </message>
    <message>
        <source>Head&apos;s name</source>
        <translation>Họ tên thủ trưởng</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Điện thoại liên hệ</translation>
    </message>
    <message>
        <source>Dossier lookup address</source>
        <translation>Địa chỉ tra cứu hồ sơ</translation>
    </message>
    <message>
        <source>Register volume</source>
        <translation>Quyển sổ theo dõi</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Giờ làm việc</translation>
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
        <source>Paper size</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Lưu cài đặt</translation>
    </message>
    <message>
        <source>Store the agency settings (Ctrl+S)</source>
        <translation>Lưu cài đặt của cơ quan (Ctrl+S)</translation>
    </message>
    <message>
        <source>Only an administrator can change the settings.</source>
        <translation>Chỉ quản trị viên mới được thay đổi cài đặt.</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Office hours and printing</source>
        <translation>Giờ làm việc và in ấn</translation>
    </message>
    <message>
        <source>Holidays and working days</source>
        <translation>Ngày nghỉ và ngày làm bù</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Chưa lưu: hãy sửa các ô được đánh dấu đỏ.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>MotCua – first-time setup</source>
        <translation>MotCua – thiết lập lần đầu</translation>
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
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
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
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>SyncBanner</name>
    <message>
        <source>Open Sync</source>
        <translation>Mở Đồng bộ</translation>
    </message>
    <message>
        <source>Export the day files and import the province&apos;s acknowledgements</source>
        <translation>Xuất tệp đồng bộ theo ngày và nhập tệp xác nhận của tỉnh</translation>
    </message>
    <message>
        <source>… and %1 more days.</source>
        <translation>… và %1 ngày khác.</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Export to the sync folder</source>
        <translation>Xuất tệp vào thư mục đồng bộ</translation>
    </message>
    <message>
        <source>Write the chosen day&apos;s file into the sync folder</source>
        <translation>Ghi tệp của ngày đã chọn vào thư mục đồng bộ</translation>
    </message>
    <message>
        <source>Export to a USB drive / other folder…</source>
        <translation>Xuất ra ổ USB / thư mục khác…</translation>
    </message>
    <message>
        <source>Import the province&apos;s acknowledgement…</source>
        <translation>Nhập tệp xác nhận của tỉnh…</translation>
    </message>
    <message>
        <source>Change the sync folder…</source>
        <translation>Đổi thư mục đồng bộ…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần xuất</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>Thời điểm xuất</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Mã hóa</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Province&apos;s acknowledgement</source>
        <translation>Xác nhận của tỉnh</translation>
    </message>
    <message>
        <source>Exported files</source>
        <translation>Các tệp đã xuất</translation>
    </message>
    <message>
        <source>Sync folder: %1</source>
        <translation>Thư mục đồng bộ: %1</translation>
    </message>
    <message>
        <source>Not acknowledged yet</source>
        <translation>Chưa có xác nhận</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Exporting the day file…</source>
        <translation>Đang xuất tệp đồng bộ…</translation>
    </message>
    <message>
        <source>Choose the USB drive or folder</source>
        <translation>Chọn ổ USB hoặc thư mục</translation>
    </message>
    <message>
        <source>File of %1 written (revision %2): %3 dossiers, %4 events.</source>
        <translation>Đã ghi tệp ngày %1 (lần xuất %2): %3 hồ sơ, %4 sự kiện.</translation>
    </message>
    <message>
        <source>Nothing changed since the last export: the same file was written again.</source>
        <translation>Không có gì thay đổi từ lần xuất trước: đã ghi lại đúng tệp đó.</translation>
    </message>
    <message>
        <source>%1 records were left out: see the file&apos;s manifest.</source>
        <translation>Có %1 bản ghi bị để riêng, không đưa vào tệp: xem tệp manifest.</translation>
    </message>
    <message>
        <source>Could not write or read the file %1. Check the drive or folder and try again.</source>
        <translation>Không ghi hoặc đọc được tệp %1. Hãy kiểm tra ổ đĩa hoặc thư mục rồi thử lại.</translation>
    </message>
    <message>
        <source>Choose the province&apos;s acknowledgement file</source>
        <translation>Chọn tệp xác nhận của tỉnh</translation>
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
        <source>Choose the sync folder</source>
        <translation>Chọn thư mục đồng bộ</translation>
    </message>
</context>
</TS>
