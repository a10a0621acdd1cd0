## Chung

error-apology = Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Bạn vui lòng thử lại sau ít phút.
flow-cancelled = Đã hủy. Gõ /help để xem các việc bot làm được.
flow-nothing-to-cancel = Không có thao tác nào đang dở để hủy.
flow-cancel-hint = <i>Gõ /cancel để hủy.</i>
flow-too-long = Câu hỏi này đã nhận quá nhiều câu trả lời chưa đúng nên bot đã đóng lại. Bạn gõ lại lệnh để bắt đầu từ đầu nhé.
flow-expired = Câu hỏi trước đã chờ quá { $hours } giờ nên bot đã đóng lại; tin nhắn vừa rồi chưa được dùng. Bạn gõ lại lệnh để bắt đầu từ đầu nhé.
flood = Bạn gửi nhanh quá, bot tạm dừng đọc tin của bạn khoảng { $seconds } giây. Sau đó bạn gửi lại tin cần thiết nhé.
unhandled-button = Nút này đã cũ. Gõ /start để bắt đầu lại.
unhandled-message = Mình chưa hiểu tin nhắn này. Gõ /help để xem các lệnh.

## Lệnh (hiện trong menu của Telegram)

cmd-start = Bắt đầu
cmd-cefr = Kiểm tra chứng chỉ tiếng Anh theo CEFR
cmd-need = Tính điểm cần đạt để xếp loại
cmd-lang = Đổi ngôn ngữ (Tiếng Việt / English)
cmd-help = Hướng dẫn
cmd-cancel = Hủy thao tác đang làm

## /start

start-welcome =
    Xin chào <b>{ $name }</b>! Mình là trợ lý <b>bồi dưỡng thường xuyên (BDTX)</b> của giáo viên.

    Mình có thể giúp bạn:
    • kiểm tra chứng chỉ tiếng Anh (IELTS, TOEFL iBT, FCE, TOEIC) đạt bậc CEFR nào và có đạt chuẩn vị trí việc làm không;
    • tính điểm còn cần đạt để được xếp loại Giỏi, Khá hay Trung bình.

    Chọn một việc bên dưới, hoặc gõ /help.
start-button-cefr = 🎓 Kiểm tra chứng chỉ tiếng Anh
start-button-need = 🧮 Tôi cần bao nhiêu điểm?
start-button-lang = 🌐 Ngôn ngữ / Language

## /help

help-public =
    <b>Trợ lý BDTX</b> giúp giáo viên theo dõi việc bồi dưỡng thường xuyên hằng năm.

    <b>Ai cũng dùng được:</b>
    /cefr — chứng chỉ tiếng Anh đạt bậc nào, có đạt chuẩn không. Ví dụ: <code>/cefr ielts 6.5</code>, <code>/cefr toeic 650 150 120</code>, <code>/cefr ielts 6.5 ngày thi 12/3/2025</code>
    /need — điểm cần đạt cho từng loại. Dấu <code>?</code> là điểm chưa có, theo thứ tự ND1, ND2 rồi các mô đun. Ví dụ: <code>/need 8 9 8 9 ? ?</code>
    /lang — đổi ngôn ngữ
    /cancel — hủy thao tác đang làm

    Gõ lệnh không kèm gì thêm, bot sẽ hỏi từng bước.

## /lang

lang-choose = Chọn ngôn ngữ / Choose your language:
lang-name-vi = Tiếng Việt
lang-name-en = English
lang-changed = Đã chuyển sang Tiếng Việt.

## Chế độ thử (sandbox)

sandbox-welcome =
    Chế độ thử của trợ lý BDTX: bot thật, dữ liệu thật (tệp { $path }), nhưng trò chuyện ngay tại đây, không cần Telegram.
    Gõ tin nhắn hoặc lệnh như trên Telegram, ví dụ /start. Gõ :help để xem cách bấm nút và gửi tệp.
sandbox-help =
    Gõ một số (1, 2, ...) để bấm nút có số đó ở tin nhắn gần nhất của bot; khi tin nhắn đó không có nút, số được gửi như một câu trả lời.
    :paste — bắt đầu một tin nhắn nhiều dòng (ví dụ một bảng điểm); dòng :end gửi đi
    :file đường/dẫn/tệp.xlsx — gửi một tệp cho bot
    :quit — thoát (hoặc Ctrl-D)
    :as Tên — tiếp tục với tư cách một người khác (một tài khoản Telegram khác), ví dụ :as Cô Lan
sandbox-switched = Bây giờ bạn là { $name }.

## Điểm và xếp loại (dùng chung)

decimal-separator = ,
source-line = <i>Căn cứ: { $source }</i>
component-nd1 = ND1
component-nd2 = ND2
component-module = Mô đun { $n }
grade-Gioi = Giỏi
grade-Kha = Khá
grade-TrungBinh = Trung bình
grade-KhongHoanThanh = Không hoàn thành kế hoạch
verdict-Dat = Đạt yêu cầu
verdict-KhongDat = Không đạt yêu cầu
reason-component-below-minimum = { $component } được { $score }, dưới { $minimum } nên chưa đạt loại { $blocks }
reason-average-below = ĐTB { $average } dưới { $threshold } nên chưa đạt loại { $blocks }
reason-best-average-below = dù các điểm còn thiếu đều được 10, ĐTB cao nhất chỉ là { $best }, dưới { $threshold }
reason-no-modules = kế hoạch chưa có mô đun tự chọn (ND3) nào nên chưa đạt loại { $blocks }
score-error-not-a-number = «{ $input }» không phải là điểm. Điểm là một số từ 0 đến 10, ví dụ 8 hoặc 8,5.
score-error-out-of-range = { $input } nằm ngoài thang điểm. Điểm phải từ 0 đến 10.
score-error-too-many-decimals = { $input } có quá nhiều chữ số thập phân. Điểm có tối đa hai chữ số sau dấu phẩy, ví dụ 8,25.
result-final = ĐTB: <b>{ $average }</b> — { $graded ->
    [no] <b>{ $grade }</b>
   *[yes] xếp loại <b>{ $grade }</b>
}
result-final-no-average = { $graded ->
    [no] Kết quả: <b>{ $grade }</b>
   *[yes] Xếp loại <b>{ $grade }</b>
}

## /need

need-usage =
    Cách dùng: <code>/need ND1 ND2 mô-đun-1 mô-đun-2 ...</code> — dấu <code>?</code> là điểm chưa có.
    Ví dụ: <code>/need 8 9 8 9 ? ?</code> hoặc gõ <code>/need</code> để bot hỏi từng bước.
need-scores-line = ND1 <b>{ $nd1 }</b> · ND2 <b>{ $nd2 }</b> · Mô đun: <b>{ $modules }</b>
need-intro =
    { $count ->
        [1] Điểm còn thiếu cần đạt ít nhất:
       *[other] Mỗi điểm còn thiếu ({ $count }) cần đạt ít nhất:
    }
need-line-need = • { $grade }: <b>{ $score }</b>
need-line-certain = • { $grade }: chắc chắn đạt
need-line-out-of-reach = • { $grade }: không thể đạt — { $reason }
need-ask-nd1 = Điểm <b>ND1</b> của bạn (0–10)? Nếu chưa có điểm, bấm nút bên dưới.
need-ask-nd2 = Điểm <b>ND2</b> (0–10)? Nếu chưa có điểm, bấm nút bên dưới.
need-ask-count = Kế hoạch của bạn có bao nhiêu mô đun tự chọn (ND3)?
need-ask-count-buttons = Bạn hãy bấm một số ở tin nhắn trên.
need-chosen-count = Số mô đun ND3: { $count }
need-ask-module = Điểm <b>mô đun { $n }</b> (0–10)? Nếu chưa có điểm, bấm nút bên dưới.
need-ask-score-again = Bạn hãy gõ điểm (ví dụ 8,5) hoặc bấm «Chưa có điểm».
need-button-unknown = Chưa có điểm

## /cefr

exam-ielts = IELTS
exam-toefl = TOEFL iBT
exam-fce = FCE
exam-toeic = TOEIC
exam-vstep = VSTEP
exam-framework = Chứng chỉ bậc
exam-part-overall = điểm chung
exam-part-listeningReading = Nghe &amp; Đọc
exam-part-speaking = Nói
exam-part-writing = Viết
post-english-TH = GV tiếng Anh tiểu học
post-english-THCS = GV tiếng Anh THCS
post-english-THPT = GV tiếng Anh THPT
post-english-GDTX = GV tiếng Anh GDTX
post-english-CD = GV tiếng Anh cao đẳng
post-english-TCCN = GV tiếng Anh TCCN
post-manager = Cán bộ quản lý
post-other-teacher = GV môn khác
post-staff = Nhân viên
post-leadership-pipeline = Diện quy hoạch lãnh đạo
cefr-usage =
    Cách dùng: <code>/cefr ielts 6.5</code>, <code>/cefr toefl 61</code>, <code>/cefr fce 60</code>, <code>/cefr toeic 650 150 120</code> (Nghe &amp; Đọc, Nói, Viết), <code>/cefr vstep 6,5</code>, chứng chỉ theo Khung 6 bậc: <code>/cefr bậc 4</code>.
    Thêm cấp dạy để so với chuẩn GV tiếng Anh: <code>/cefr ielts 6.0 thpt</code>; thêm ngày thi để biết còn hạn không: <code>/cefr ielts 6.5 ngày thi 12/3/2025</code>. Gõ <code>/cefr</code> để bot hỏi từng bước.
cefr-error-unknown-exam = Mình không biết kỳ thi «{ $input }». Bot quy đổi được IELTS, TOEFL iBT, FCE, TOEIC 4 kỹ năng, VSTEP và chứng chỉ theo Khung năng lực ngoại ngữ 6 bậc.
cefr-error-unsupported-exam = «{ $input }» không có trong bảng quy đổi; bảng chỉ có TOEFL iBT (cùng IELTS, FCE, TOEIC 4 kỹ năng).
cefr-error-not-a-number = «{ $input }» không phải là điểm { $part }. Điểm { $part } từ { $min } đến { $max }, mỗi bậc { $step }.
cefr-error-out-of-range = { $input } nằm ngoài thang điểm { $part }: từ { $min } đến { $max }.
cefr-error-wrong-step = { $part } không có điểm { $input }: điểm từ { $min } đến { $max }, mỗi bậc { $step }.
cefr-error-wrong-part-count = { $exam } cần { $expected } điểm ({ $parts }), bạn gửi { $got }.
cefr-hint-cambridge-scale = Bảng quy đổi dùng thang điểm FCE cũ (0–100), không dùng thang Cambridge English Scale (140–190).
cefr-result-level = <b>{ $score }</b> đạt <b>{ $level }</b> — bậc { $framework }/6 Khung năng lực ngoại ngữ.
cefr-limited-by = Phần giữ mức này: { $parts }.
cefr-result-below = <b>{ $score }</b> thấp hơn mức thấp nhất bảng quy đổi có cho kỳ thi này: { $level } (bậc { $framework }/6) cần { $minimum }.
cefr-compare = So với chuẩn của vị trí nào? Bấm bên dưới.
cefr-post-meets = ✅ { $post } cần <b>{ $level }</b> (bậc { $framework }/6): <b>đạt chuẩn</b>.
cefr-post-fails = ❌ { $post } cần <b>{ $level }</b> (bậc { $framework }/6): <b>chưa đạt chuẩn</b>.
cefr-alternatives = Để đạt { $level } cần một trong các chứng chỉ:
cefr-alternative-off-step = { $score } (bảng quy đổi ghi { $written }, nhưng điểm { $parts } chỉ tăng theo từng { $step } điểm)
cefr-post-none-encouraged = { $post }: không bắt buộc chứng chỉ tiếng Anh; khuyến khích đạt chứng chỉ theo CEFR.
cefr-post-none = { $post }: không có chuẩn tiếng Anh.
cefr-post-standard = { $post }: theo tiêu chuẩn ngoại ngữ của chức danh được quy hoạch.
cefr-ask-exam = Bạn có chứng chỉ nào?
cefr-ask-exam-buttons = Bạn hãy chọn kỳ thi bằng các nút ở tin nhắn trên.
cefr-chosen-exam = Kỳ thi: { $exam }
cefr-ask-score-ielts = Điểm IELTS (overall) của bạn? Từ 0 đến 9, mỗi bậc 0,5 — ví dụ 6,5.
cefr-ask-score-toefl = Điểm TOEFL iBT của bạn? Từ 0 đến 120 — ví dụ 61.
cefr-ask-score-fce = Điểm FCE của bạn? Từ 0 đến 100 — ví dụ 60.
cefr-ask-score-vstep = Điểm VSTEP (bậc 3–5) của bạn? Từ 0 đến 10, mỗi bậc 0,5 — ví dụ 6,5.
cefr-ask-score-framework = Chứng chỉ của bạn ghi bậc mấy theo Khung năng lực ngoại ngữ 6 bậc? Từ 1 đến 6 — ví dụ 4.
cefr-ask-score-toeic = Ba điểm TOEIC của bạn: Nghe &amp; Đọc (10–990), Nói (0–200), Viết (0–200), cách nhau bằng dấu cách — ví dụ <code>650 150 120</code>.
cefr-ask-post = Bạn muốn so với chuẩn của vị trí nào?
cefr-ask-post-buttons = Bạn hãy chọn vị trí bằng các nút ở tin nhắn trên, hoặc gõ /cancel.
cefr-skip-post = Bỏ qua
cefr-post-not-required = { $post }: không yêu cầu chứng chỉ ngoại ngữ từ { $since }; chỉ cần có khả năng sử dụng ngoại ngữ trong một số nhiệm vụ được giao.
cefr-standard-on = Chuẩn áp dụng ngày { $date }:
cefr-valid-until = 📅 Thi ngày { $tested }: còn hạn đến hết ngày <b>{ $until }</b> (đơn vị tổ chức thi { $exam } tính kết quả có giá trị { $years } năm kể từ ngày thi).
cefr-valid-expired = 📅 Thi ngày { $tested }: <b>đã quá { $years } năm</b> (từ { $since }) — đơn vị tiếp nhận có thể không chấp nhận.
cefr-valid-no-expiry = 📅 Thi ngày { $tested }: chứng chỉ { $exam } không ghi thời hạn; đơn vị tiếp nhận có thể tự đặt yêu cầu riêng.
cefr-valid-user-decides = 📅 Thi ngày { $tested }: thời hạn sử dụng chứng chỉ do đơn vị sử dụng chứng chỉ (nơi bạn nộp) quyết định.
cefr-validity-source = <i>Thời hạn theo: { $source }</i>
cefr-date-hint = Thêm ngày thi để biết chứng chỉ còn hạn không, ví dụ <code>/cefr ielts 6.5 ngày thi 12/3/2025</code>.
cefr-ask-date = Có thể ghi thêm ngày thi để biết còn hạn không — ví dụ <code>6,5 12/3/2025</code>.
cefr-error-not-a-date = «{ $input }» không phải là một ngày có thật. Ghi ngày thi theo ngày/tháng/năm, ví dụ 12/3/2025.
cefr-error-future-date = Ngày thi { $date } chưa tới (hôm nay là { $today }). Hãy ghi ngày bạn đã thi.

## Lỗi từ nghiệp vụ (dùng chung)
# Xưng hô: trò chuyện với bot gọi người dùng là «bạn» (ai cũng dùng được /cefr, /need); thông báo
# nhà trường gửi tới một giáo viên (kế hoạch được duyệt/trả lại, kết quả, nhắc hạn) gọi «Thầy/Cô».

error-unknown = Bot chưa làm được việc này; chưa có gì bị thay đổi. Bạn thử lại sau ít phút, nếu vẫn không được thì báo quản trị trường.
error-command-for = Lệnh { $command } dành cho { $who }. Không có gì bị thay đổi.
role-plural-teacher = giáo viên
role-plural-head = tổ trưởng chuyên môn
role-plural-manager = cán bộ quản lý (HT/PHT)
role-plural-admin = Ban chỉ đạo BDTX (quản trị trường)
role-plural-staff = nhân viên
role-plural-owner = chủ quản hệ thống
error-forbidden = Bạn không có quyền làm việc này. Không có gì bị thay đổi.
error-not-linked = Tài khoản Telegram của bạn chưa gắn với trường nào. Hãy mở đường link mời mà nhà trường gửi cho bạn.
error-not-found = Không tìm thấy { $entity }.
error-invalid-input = { $fields ->
        [none] Thông tin chưa hợp lệ; chưa thay đổi gì.
       *[other] Thông tin chưa hợp lệ: { $fields }. Chưa thay đổi gì.
    }
field-fullName = họ tên (2–100 ký tự)
field-adminName = họ tên quản trị trường (2–100 ký tự)
field-name = tên
field-title = tiêu đề
field-titleVi = tên mốc (2–200 ký tự)
field-titleEn = tên mốc tiếng Anh (2–200 ký tự)
field-dueDate = ngày hạn
field-opensOn = ngày bắt đầu
field-planDeadline = hạn đăng ký kế hoạch
field-approvalDeadline = hạn duyệt kế hoạch
field-reason = lý do
field-subject = môn dạy
field-level = cấp học
field-role = vai trò
field-content = nội dung thông báo
error-no-recipients = Chưa ai trong nhóm này nhận được tin qua bot: { $withoutTelegram } người chưa mở link mời. Gõ /unreachable để xem là ai và lấy link mời gửi cho họ (hoặc /invite).
error-not-draft = Thông báo này đã gửi hoặc đã hủy. Gõ /broadcast để soạn thông báo mới.
error-finished = Thông báo này đã gửi xong hoặc đã dừng.
error-wrong-school = Tổ hoặc người được chọn không thuộc trường này. Chưa thay đổi gì.
error-date-order = Ngày bắt đầu ({ $opensOn }) phải trước hạn ({ $dueDate }). Chưa thay đổi gì.
error-outside-year = Ngày { $date } nằm ngoài năm học ({ $from } – { $to }). Chưa thay đổi gì.
error-record-invalid = Hồ sơ có lỗi nên chưa lưu gì. Bạn sửa rồi gửi lại nhé.
error-deadline-required = Mốc này là hạn đăng ký hoặc hạn duyệt kế hoạch của năm học nên không xóa được; bạn có thể dời ngày bằng /deadline move.
entity-school = trường
entity-school-year = năm học
entity-department = tổ chuyên môn
entity-person = người này
entity-invite = lời mời
entity-join-request = yêu cầu tham gia
entity-module = mô đun
entity-plan = kế hoạch

## Vai trò, cấp học

role-teacher = Giáo viên
role-head = Tổ trưởng chuyên môn
role-manager = Cán bộ quản lý (HT/PHT)
role-admin = Ban chỉ đạo BDTX (quản trị trường)
role-staff = Nhân viên
level-MN = Mầm non
level-TH = Tiểu học
level-THCS = THCS
level-THPT = THPT
level-GDTX = GDTX
level-CD = Cao đẳng
level-TCCN = TCCN
level-QL = Cán bộ quản lý
flow-use-buttons = Bạn hãy chọn bằng các nút ở tin nhắn trên, hoặc gõ /cancel.
cmd-plan = Kế hoạch BDTX của tôi
cmd-modules = Danh mục mô đun
cmd-approve = Duyệt kế hoạch
cmd-invite = Tạo link mời
cmd-people = Danh sách cán bộ, giáo viên
cmd-departments = Các tổ chuyên môn
cmd-import = Nhập danh sách từ tệp Excel/CSV
cmd-deadlines = Các mốc thời gian
cmd-schools = Các trường
cmd-me = Thông tin của tôi

## Tham gia (link mời)

setup-owner-welcome = Xong: từ giờ bạn là <b>chủ quản</b> của hệ thống — người thêm các trường và mời quản trị của từng trường. Gõ /schools để bắt đầu.
join-invite-for-person = Lời mời vào <b>{ $school }</b>{ $inDepartment }, vai trò { $role }, dành cho <b>{ $name }</b>. Bạn có đúng là người này?
join-confirm-me = Đúng, tôi là { $name }
join-pick-name = Lời mời vào <b>{ $school }</b> (<b>{ $department }</b>), vai trò { $role }. Bạn hãy chọn tên của mình:
join-no-names = Lời mời vào <b>{ $school }</b> (<b>{ $department }</b>), vai trò { $role }. Danh sách không còn ai chờ đăng ký; bấm nút bên dưới để nhập họ tên của bạn.
join-not-listed = Tên tôi không có trong danh sách
join-use-buttons = Bạn hãy chọn bằng các nút ở tin nhắn trên.
join-ask-name = Bạn hãy gõ họ và tên đầy đủ, ví dụ: Nguyễn Văn An.
join-welcome = Chào mừng <b>{ $name }</b>! Bạn đã tham gia <b>{ $school }</b>{ $inDepartment } với vai trò { $role }.
join-notify-inviter = <b>{ $name }</b> đã tham gia qua link mời của bạn ({ $role }).
join-ask-level = Bạn dạy cấp học nào?
join-level-set = Cấp học: { $level }
join-ask-subject = Bạn dạy môn gì? (ví dụ: Toán, Ngữ văn, Tiếng Anh)
join-done-teacher = Xong! Gõ /plan để đăng ký các mô đun tự chọn năm nay.
join-done-head = Xong! Gõ /plan để đăng ký mô đun của bạn, /approve để duyệt kế hoạch của tổ, /invite để mời giáo viên trong tổ.
join-done-manager = Xong! Gõ /plan để đăng ký các mô đun dành cho cán bộ quản lý.
join-done-admin = Xong! Gõ /departments để tạo các tổ, /invite để mời tổ trưởng và giáo viên, /import để nhập danh sách từ tệp.
join-done-staff = Xong! Gõ /help để xem các việc bot làm được.
join-pick-needs-approval = Nếu bạn chọn một tên có sẵn, tổ trưởng hoặc BCĐ của trường sẽ xác nhận trước khi tài khoản được gắn với tên đó.
join-request-sent = ⏳ Đã gửi yêu cầu: bạn là <b>{ $name }</b>, { $school }{ $inDepartment }. Tổ trưởng hoặc BCĐ của trường sẽ xác nhận, và bot sẽ báo bạn ngay khi có kết quả. Trong lúc chờ, bạn vẫn dùng được /cefr và /need.
join-request-waiting = ⏳ Yêu cầu nhận tên <b>{ $name }</b> của bạn vẫn đang chờ tổ trưởng hoặc BCĐ xác nhận. Bot sẽ báo bạn ngay khi có kết quả.
join-request-ask =
    🙋 Tài khoản Telegram <b>{ $telegram }</b> xin nhận tên <b>{ $name }</b> ({ $role }) ở { $school }{ $inDepartment }, qua link mời chung của tổ.
    Nếu đúng là thầy/cô { $name }, bấm <b>Đồng ý</b> để gắn tài khoản. Nếu không chắc, bấm <b>Từ chối</b> và gửi link mời riêng cho thầy/cô ấy (/unreachable).
join-request-approve = ✅ Đồng ý
join-request-reject = ❌ Từ chối
join-request-approved-by = ✅ Đã đồng ý: tài khoản <b>{ $telegram }</b> là <b>{ $name }</b>.
join-request-rejected-by = ❌ Đã từ chối: tài khoản <b>{ $telegram }</b> không được nhận tên <b>{ $name }</b>.
join-request-approved = ✅ Yêu cầu của bạn đã được xác nhận. Chào mừng <b>{ $name }</b>! Bạn đã tham gia <b>{ $school }</b>{ $inDepartment } với vai trò { $role }.
join-request-missing = Bấm nút bên dưới để cho biết cấp học và môn bạn dạy.
join-request-continue = ▶️ Điền nốt thông tin
join-request-rejected = Tổ trưởng hoặc BCĐ chưa xác nhận bạn là <b>{ $name }</b> nên tài khoản chưa được gắn. Nếu có nhầm lẫn, bạn liên hệ tổ trưởng hoặc BCĐ để nhận link mời riêng nhé.

## /plan

plan-title = <b>Kế hoạch BDTX năm học { $year }</b> — { $name }
plan-status = Trạng thái: <b>{ $status }</b>
plan-status-draft = Đang soạn
plan-status-submitted = Đã gửi, chờ duyệt
plan-status-head_approved = Tổ trưởng đã duyệt, chờ nhà trường duyệt
plan-status-approved = Đã được nhà trường duyệt
plan-status-returned = Bị trả lại để sửa
plan-returned-reason = Lý do trả lại: <i>{ $reason }</i>
plan-fixed-contents = ND1: { $nd1 } tiết · ND2: { $nd2 } tiết (bắt buộc)
plan-nd3-heading = <b>ND3 — mô đun tự chọn:</b>
plan-no-modules = (chưa có mô đun nào)
plan-hours = ND3: <b>{ $nd3 }/{ $required } tiết</b> · Cả năm: { $total }/{ $requiredTotal } tiết
plan-valid = ✅ Kế hoạch hợp lệ, có thể gửi duyệt.
plan-valid-sent = ✅ Kế hoạch hợp lệ.
plan-level-missing = Chưa biết cấp học của bạn nên chưa chọn được mô đun. Gõ /me để xem thông tin, hoặc nhờ quản trị trường cập nhật.
plan-deadline = Hạn đăng ký: { $date }
plan-deadline-passed = Đã hết hạn đăng ký ({ $date }); chỉ quản trị trường sửa được kế hoạch.
plan-button-add = ➕ Thêm mô đun
plan-button-submit = 📤 Gửi duyệt
plan-button-back = ↩️ Quay lại kế hoạch
plan-pick-module = Chọn mô đun ({ $catalogue }), trang { $page }/{ $pages }. Đã có { $nd3 }/{ $required } tiết.
plan-catalogue-empty = Chưa có mô đun nào của danh mục { $catalogue } theo quy chế của năm học này ({ $profile }): danh mục chính thức chưa được đưa vào bot. Người quản lý hệ thống nhập được danh mục mô đun bằng /import.
plan-manager-programme-missing = ⚠️ Chương trình BDTX cán bộ quản lý của năm học này ({ $source }) dành cho CBQL trường { $levels }, chưa có cho CBQL { $level }. Chỉ chọn được các mô đun hệ thống đã nhập; hãy làm theo hướng dẫn của Phòng/Sở.
plan-added = Đã thêm mô đun.
plan-remove-confirm = ❓ Bỏ <b>{ $code }</b> — { $title } ({ $hours } tiết) khỏi kế hoạch?
plan-button-remove-confirm = 🗑 Bỏ { $code }
plan-button-keep = ↩️ Giữ lại
plan-remove-not-now = Kế hoạch này hiện không sửa được.
plan-removed = Đã bỏ mô đun.
plan-submitted = Đã gửi kế hoạch. Bạn sẽ nhận được tin nhắn khi kế hoạch được duyệt hoặc bị trả lại.
plan-notify-submit-head = 📥 <b>{ $owner }</b> đã gửi kế hoạch BDTX, chờ bạn duyệt. Gõ /approve để xem.
plan-notify-submit-admin = 📥 <b>{ $owner }</b> đã gửi kế hoạch BDTX, chờ nhà trường duyệt. Gõ /approve để xem.
plan-notify-approve-owner = ✅ Kế hoạch BDTX của Thầy/Cô đã được <b>{ $actor }</b> duyệt. Trạng thái: { $status }.
plan-notify-approve-admin = 📥 Kế hoạch BDTX của <b>{ $owner }</b> đã được tổ trưởng { $actor } duyệt, chờ nhà trường duyệt. Gõ /approve để xem.
plan-notify-return-owner = ↩️ Kế hoạch BDTX của Thầy/Cô bị <b>{ $actor }</b> trả lại. Lý do: <i>{ $reason }</i>. Gõ /plan để sửa rồi gửi lại.
plan-notify-reopen-owner = ↩️ Kế hoạch BDTX của Thầy/Cô được <b>{ $actor }</b> mở lại để sửa. Lý do: <i>{ $reason }</i>. Gõ /plan.
plan-notify-changed = Kế hoạch BDTX của <b>{ $owner }</b>: { $status }.

## /approve

approve-nothing = Không có kế hoạch nào đang chờ bạn duyệt.
approve-heading = <b>Kế hoạch chờ duyệt ({ $count }):</b>
approve-item = { $n }. <b>{ $name }</b> — { $department } — { $modules } ({ $hours } tiết) — { $step }
approve-step-head = chờ tổ trưởng
approve-step-school = chờ nhà trường
approve-more = … và { $count } kế hoạch nữa; duyệt bớt rồi gõ /approve để xem tiếp.
approve-button-return = ↩️ Trả lại
approve-ask-reason = Bạn hãy gõ lý do trả lại kế hoạch (giáo viên sẽ đọc được):
approve-returned = Đã trả lại kế hoạch của { $name }.
approve-done = { $to ->
    [head_approved] Đã duyệt kế hoạch của { $name }; kế hoạch chuyển lên nhà trường duyệt.
   *[other] Đã duyệt kế hoạch của { $name }.
}

## Trường, tổ, lời mời, hồ sơ

schools-heading = <b>Các trường ({ $count }):</b>
schools-button-new = ➕ Thêm trường
schools-ask-name = Tên trường? (ví dụ: Trường THPT Nguyễn Trãi)
schools-ask-admin = Họ tên người quản trị đầu tiên của trường? (gõ - nếu chưa biết)
schools-created =
    Đã tạo <b>{ $school }</b>, năm học { $year } (hạn đăng ký kế hoạch { $planDeadline }, hạn duyệt { $approvalDeadline }).
    Gửi link này cho người quản trị của trường:
    { $link }
    (hoặc mã <code>{ $code }</code>, dùng được đến { $expires })
departments-heading = <b>Các tổ chuyên môn của { $school } ({ $count }):</b>
departments-button-new = ➕ Thêm tổ
departments-ask-name = Tên tổ chuyên môn? (ví dụ: Tổ Toán – Tin)
departments-button-rename = ✏️ Đổi tên tổ
departments-button-merge = 🔗 Gộp hai tổ
departments-ask-rename = Đổi tên tổ nào?
departments-ask-new-name = Tên mới của <b>{ $name }</b>?
departments-renamed = Đã đổi tên <b>{ $from }</b> thành <b>{ $to }</b>.
departments-ask-merge-from = Gộp tổ nào vào tổ khác? (tổ chọn ở đây sẽ không còn trong danh sách)
departments-ask-merge-into = Gộp <b>{ $from }</b> vào tổ nào?
departments-merge-confirm = Gộp <b>{ $from }</b> vào <b>{ $into }</b>: mọi người của { $from } chuyển sang { $into }, giữ nguyên kế hoạch, điểm và tài khoản; link mời và các mốc thời gian của { $from } chuyển theo; tên { $from } không còn nữa. Gộp không?
departments-button-merge-confirm = ✅ Gộp
departments-merged = Đã gộp <b>{ $from }</b> vào <b>{ $into }</b>: { $moved } người đã chuyển sang.
departments-admin-only = Chỉ quản trị trường (Ban chỉ đạo BDTX) mới đổi tên hay gộp tổ được. Không có gì bị thay đổi.
departments-need-two = Chưa có tổ nào khác để chọn. Thêm tổ bằng nút «➕ Thêm tổ» ở /departments.
nothing-changed = Đã hủy, không thay đổi gì.
error-merge-self = Không gộp được <b>{ $name }</b> vào chính nó. Hãy chọn hai tổ khác nhau.
departments-created = Đã thêm <b>{ $name }</b> vào danh sách tổ chuyên môn.
invite-ask-role = Mời người vào với vai trò gì?
invite-ask-department = Thuộc tổ nào?
invite-no-departments = Trường chưa có tổ chuyên môn nào. Gõ /departments để thêm tổ trước.
invite-ask-kind = Link dùng cho một người hay cho cả tổ?
invite-kind-single = Một người (dùng một lần)
invite-kind-department = Cả tổ (nhiều người dùng)
invite-made-single =
    Link mời ({ $role }), dùng một lần, đến hết { $expires }:
    { $link }
    Hoặc mã: <code>{ $code }</code>
invite-made-department =
    Link mời cả tổ ({ $role }), đến hết { $expires }:
    { $link }
    Hoặc mã: <code>{ $code }</code>
me-owner = Bạn là chủ quản của hệ thống (không thuộc trường nào). Gõ /schools.
me-profile =
    <b>{ $name }</b>
    Vai trò: { $role }
    Trường: { $school }
    Tổ: { $department }
    Cấp học: { $level }
    Môn: { $subject }
people-heading = <b>Cán bộ, giáo viên ({ $count }):</b>
people-more = … và { $count } người nữa.
people-legend = ✓ đã dùng bot · chưa dùng bot

## Lỗi nghiệp vụ: lời mời, kế hoạch

error-setup-unknown = Mã thiết lập không đúng.
error-setup-used = Mã thiết lập đã được dùng.
error-setup-closed = Hệ thống đã có chủ quản; mã thiết lập không còn dùng được.
error-setup-expired = Mã thiết lập đã hết hạn (chỉ dùng được trong 24 giờ). Khởi động lại bot để nhận mã mới.
error-join-request-decided = Yêu cầu này đã được xử lý rồi.
error-approval-needed = Tên này có sẵn trong danh sách nên cần tổ trưởng hoặc BCĐ xác nhận trước khi gắn tài khoản.
error-no-request-needed = Lời mời này không cần chờ xác nhận: bạn mở lại link để tham gia nhé.
error-owner-self = Bạn không thể tự bỏ quyền chủ quản của mình; một chủ quản khác làm việc này được.
error-last-owner = Hệ thống luôn phải có ít nhất một chủ quản.
error-not-an-owner = Tài khoản này không (còn) là chủ quản.
error-owner-from-config = Chủ quản này được đặt trong cấu hình máy chủ (OWNER_TELEGRAM_IDS): xóa id khỏi đó rồi khởi động lại bot, nếu không lần khởi động sau họ lại là chủ quản.
error-invite-unknown = Mã mời không đúng. Bạn hãy kiểm tra lại link hoặc mã nhà trường gửi.
error-invite-expired = Link mời đã hết hạn ({ $expiresAt }). Bạn hãy xin nhà trường link mới.
error-invite-used = Link mời này đã được dùng. Bạn hãy xin nhà trường link mới.
error-invite-revoked = Link mời này đã bị hủy. Bạn hãy xin nhà trường link mới.
error-already-linked = Tài khoản Telegram này đã gắn với một người trong hệ thống. Gõ /me để xem.
error-person-unavailable = Người này không dùng được lời mời này (đã có tài khoản hoặc thuộc tổ khác).
error-department-required = Vai trò { $role } cần chọn tổ chuyên môn.
error-duplicate-name = Đã có «{ $name }».
error-unknown-level = Không rõ cấp học «{ $value }». Các cấp học: { $expected }.
error-plan-locked = Kế hoạch đang ở trạng thái «{ $status }» nên không sửa được.
error-deadline-passed = Đã hết hạn đăng ký kế hoạch ({ $deadline }); chỉ quản trị trường sửa được.
error-level-missing = Chưa biết cấp học của bạn nên chưa chọn được mô đun.
error-module-not-in-plan = Mô đun này không có trong kế hoạch.
error-plan-invalid = Kế hoạch chưa gửi được: ND3 có { $totalHours }/{ $requiredHours } tiết.
error-wrong-status = Kế hoạch đang ở trạng thái «{ $status }» nên không làm được việc này.
error-no-plan-for-role = Vai trò của bạn không có kế hoạch BDTX.
error-no-current-year = Trường chưa có năm học hiện tại.
error-deadline-order = Hạn nhà trường duyệt ({ $approvalDeadline }) phải sau hạn giáo viên đăng ký kế hoạch ({ $planDeadline }), để còn thời gian duyệt. Chưa thay đổi gì.
error-unknown-module = Không có mô đun { $moduleCode } trong danh mục.
error-wrong-catalogue = Mô đun { $moduleCode } thuộc danh mục { $moduleCatalogue }, không thuộc danh mục { $catalogue } của bạn.
error-duplicate-module = Mô đun { $moduleCode } đã có trong kế hoạch.
error-hours-below-required = ND3 mới có { $totalHours }/{ $requiredHours } tiết, cần đăng ký thêm { $missingHours } tiết.

## Chế độ thử: thiết lập

sandbox-setup = Hệ thống chưa có chủ quản. Gõ { $command } để bạn trở thành chủ quản, rồi /schools để thêm trường.

## /modules

modules-choose-level =
    <b>Danh mục mô đun bồi dưỡng thường xuyên</b>
    Chọn cấp học để xem các mô đun (QL: danh mục dành cho cán bộ quản lý).
    Bạn cũng có thể tìm theo mã hoặc từ khóa, gõ có dấu hay không dấu đều được: <code>/modules thpt17</code>, <code>/modules đánh giá</code>.
modules-level-button = { $level } · { $count }
modules-level-MN = Mầm non (MN)
modules-level-TH = Tiểu học (TH)
modules-level-THCS = THCS
modules-level-THPT = THPT
modules-level-GDTX = GDTX
modules-level-CD = Cao đẳng (CĐ)
modules-level-TCCN = TCCN
modules-level-QL = Cán bộ quản lý (QL)
modules-list-level = <b>Danh mục mô đun: { $level }</b> — { $total } mô đun
modules-list-search = <b>Kết quả tìm «{ $query }»</b>: { $total } mô đun
modules-list-line = • <b>{ $code }</b> — { $title } ({ $hours } tiết)
modules-list-page = Trang { $page }/{ $pages }. Bấm vào một mô đun để xem nội dung, mục tiêu và số tiết.
modules-level-empty = Danh mục { $level } chưa có mô đun nào. Chủ quản hệ thống có thể nhập danh mục từ tệp Excel bằng lệnh /import.
modules-search-none =
    Không tìm thấy mô đun nào khớp với «{ $query }».
    Bạn thử gõ mã mô đun (ví dụ <code>/modules thpt17</code>) hoặc bớt từ khóa; gõ có dấu hay không dấu đều được. Gõ /modules để xem danh mục theo cấp học.
modules-search-expired = Kết quả tìm kiếm này đã cũ. Bạn gõ lại /modules kèm từ khóa nhé.
modules-page-answer = Trang { $page }/{ $pages }
modules-button-back = ◀ Về danh sách
modules-button-levels = 📚 Chọn cấp học khác
modules-card-title = <b>{ $code } — { $title }</b>
modules-card-source = <i>Danh mục { $level } · chương trình theo { $source }</i>
modules-card-area = Lĩnh vực: { $area }
modules-card-contents = <b>Nội dung chính</b>
modules-card-goals = <b>Mục tiêu bồi dưỡng</b>
modules-card-none = <i>(chưa có)</i>
modules-card-hours = <b>Thời lượng:</b> { $total } tiết
modules-card-hours-split = <b>Thời lượng:</b> { $total } tiết ({ $split })
modules-hours-theory = lý thuyết { $n }
modules-hours-practice = thực hành { $n }
modules-hours-self-study = tự học { $n }

## /import

import-not-allowed = Chỉ Ban chỉ đạo BDTX (BCĐ) của trường mới nhập được danh sách cán bộ, giáo viên từ tệp (danh mục mô đun do chủ quản hệ thống nhập). Nếu cần nhập, bạn liên hệ BCĐ của trường nhé.
import-choose = Bạn muốn nhập dữ liệu nào?
import-choose-buttons = Bạn hãy chọn bằng các nút ở tin nhắn trên.
import-kind-staff = Danh sách cán bộ, giáo viên
import-kind-catalogue = Danh mục mô đun
import-catalogue-owners-note = Danh mục mô đun dùng chung cho mọi trường nên chỉ chủ quản hệ thống mới thêm hoặc sửa được. Cần thêm mô đun, nhà trường gửi tệp cho chủ quản hệ thống nhé.
import-chosen = Nhập: <b>{ $kind }</b>
import-ask-file-staff =
    Bạn gửi tệp <b>.xlsx</b> hoặc <b>.csv</b> danh sách cán bộ, giáo viên của <b>{ $school }</b> (đính kèm dạng tệp).
    Dòng tiêu đề cần có các cột:
    • <b>Họ và tên</b> (bắt buộc)
    • <b>Vai trò</b> (bắt buộc): giáo viên, tổ trưởng, hiệu trưởng, phó hiệu trưởng, BCĐ, nhân viên
    • <b>Tổ</b>: bắt buộc với giáo viên và tổ trưởng; tổ chưa có sẽ được tạo mới
    • <b>Cấp học</b>: MN, TH, THCS, THPT, GDTX, CĐ, TCCN
    • <b>Môn</b>
    Tên cột viết hoa hay thường, có dấu hay không dấu đều được; phía trên dòng tiêu đề có thể để tên trường, tên bảng.
import-ask-file-catalogue =
    Bạn gửi tệp <b>.xlsx</b> hoặc <b>.csv</b> danh mục mô đun (đính kèm dạng tệp).
    Dòng tiêu đề cần có các cột:
    • <b>Mã mô đun</b> (bắt buộc), ví dụ THPT 17
    • <b>Cấp học</b>, nếu mã mô đun không cho biết cấp: MN, TH, THCS, THPT, GDTX, CĐ, TCCN, QL
    • <b>Tên mô đun</b> và <b>Nội dung chính</b>, hoặc một cột <b>Tên và nội dung chính của mô đun</b>
    • <b>Mục tiêu bồi dưỡng</b>
    • <b>Tổng số tiết</b>, <b>Lý thuyết</b>, <b>Thực hành</b>, <b>Tự học</b>
    • <b>Thông tư</b> ban hành chương trình (để trống thì lấy theo cấp học)
    Danh mục dùng chung cho mọi trường: mô đun đã có sẽ được sửa theo tệp.
import-send-document = Bạn hãy gửi tệp .xlsx hoặc .csv (đính kèm dạng tệp), hoặc gõ /cancel để thôi.
import-send-again = Bạn kiểm tra lại rồi gửi tệp khác nhé, hoặc gõ /cancel để thôi.
import-preview-title = <b>Xem trước tệp «{ $file }»</b>
import-preview-staff = Đọc được { $rows } dòng: { $create } người mới, { $update } người đã có sẽ được cập nhật.
import-preview-catalogue = Đọc được { $rows } dòng: { $create } mô đun mới, { $update } mô đun sẽ được sửa, { $unchanged } mô đun không đổi.
import-preview-new-departments = Tổ sẽ được tạo mới: { $names }.
import-preview-ok = ✅ Không có lỗi. Bấm <b>Lưu</b> để lưu toàn bộ, hoặc <b>Hủy</b> để thôi.
import-preview-errors = ❌ Có { $count } lỗi ở { $rows } dòng, <b>chưa lưu gì</b>:
import-error-line = • Dòng { $row }, cột «{ $column }»: { $problem }
import-error-line-row = • Dòng { $row }: { $problem }
import-preview-more = … và { $count } lỗi khác.
import-fix-and-resend = Bạn sửa các dòng trên trong tệp rồi gửi lại cả tệp nhé (hoặc gõ /cancel để thôi).
import-preview-empty = Tệp không có dòng dữ liệu nào dưới dòng tiêu đề (dòng { $header }). Bạn kiểm tra lại rồi gửi tệp khác nhé.
import-button-save = ✅ Lưu
import-button-cancel = Hủy
import-confirm-buttons = Bạn bấm <b>Lưu</b> hoặc <b>Hủy</b> ở tin nhắn trên, hoặc gửi tệp khác để xem trước lại.
import-cancelled = Đã hủy, chưa lưu gì.
import-saved-staff = ✅ Đã lưu danh sách: { $created } người mới, cập nhật { $updated } người, tạo { $departments } tổ mới.
import-saved-catalogue = ✅ Đã lưu danh mục: { $created } mô đun mới, sửa { $updated } mô đun, { $unchanged } mô đun không đổi. Gõ /modules để xem.
import-document-hint = Để nhập danh sách từ tệp, bạn gõ /import trước rồi gửi tệp theo hướng dẫn.
import-row-required = còn trống, cần điền.
import-row-too-long = dài quá, tối đa { $max } ký tự.
import-row-too-short = «{ $value }» ngắn quá, cần ít nhất { $min } ký tự.
import-row-unknown-role = «{ $value }» không phải vai trò bot biết. Ghi một trong: { $expected }.
import-row-unknown-level = «{ $value }» không phải cấp học. Ghi một trong: { $expected }.
import-row-department-required = giáo viên và tổ trưởng phải có tổ.
import-row-duplicate-row = «{ $value }» trùng với dòng { $firstRow }.
import-row-not-a-number = «{ $value }» không phải số tiết. Ghi một số nguyên, ví dụ 15.
import-row-out-of-range = số tiết phải từ { $min } đến { $max }.
import-row-hours-mismatch = tổng số tiết là { $total } nhưng lý thuyết + thực hành + tự học cộng lại được { $sum }.
import-row-invalid-code = «{ $value }» không phải mã mô đun. Mã gồm chữ và số, ví dụ THPT 17.
import-row-level-required = chưa biết mô đun thuộc cấp học nào. Ghi cấp học, một trong: { $expected }.
import-row-level-code-mismatch = cấp học «{ $value }» không khớp với mã mô đun (mã này thuộc { $expected }).
import-row-module-exists = mô đun { $value } đã có trong danh mục với nội dung khác; chỉ người quản trị hệ thống mới sửa được mô đun đã có.
error-file-unsupported = Bot chưa đọc được tệp «{ $fileName }». Bạn gửi tệp Excel (.xlsx) hoặc .csv nhé; tệp .xls cũ thì mở bằng Excel rồi lưu lại dạng .xlsx.
error-file-unreadable = Không mở được tệp { $format }: tệp có thể bị hỏng hoặc có đặt mật khẩu. Bạn mở bằng Excel, lưu lại rồi gửi lại nhé.
error-file-too-large = Tệp quá lớn: bot nhận tệp tối đa { $maxMb } MB. Danh sách của cả trường hay bảng điểm cả năm thường chỉ vài trăm KB; bạn xóa hình ảnh, trang tính thừa hoặc chia nhỏ tệp rồi gửi lại nhé.
error-file-encoding = Tệp CSV này không lưu ở dạng UTF-8 ({ $encoding ->
        [utf-16] dạng Unicode/UTF-16
       *[other] bảng mã cũ, như Windows-1258
    }) nên bot sẽ đọc sai các chữ có dấu. Chưa lưu gì. Bạn mở tệp bằng Excel, chọn <b>Lưu thành</b> (Save As), kiểu tệp <b>CSV UTF-8 (Comma delimited)</b> rồi gửi lại — hoặc gửi thẳng tệp Excel .xlsx.
error-file-empty = Tệp không có dữ liệu.
error-too-many-rows = Tệp có hơn { $maxRows } dòng, quá giới hạn mỗi lần nhập. Bạn chia thành nhiều tệp nhỏ hơn nhé.
error-too-many-columns = Dòng { $row } có hơn { $maxColumns } ô, nhiều hơn một danh sách hay bảng điểm cần. Bạn xóa các cột thừa rồi gửi lại nhé.
error-too-many-cells = Tệp có hơn { $maxCells } ô dữ liệu, quá giới hạn mỗi lần nhập. Bạn xóa trang tính, cột thừa hoặc chia nhỏ tệp rồi gửi lại nhé.
error-cell-too-long = Dòng { $row } có ô dài hơn { $maxChars } ký tự. Bạn kiểm tra lại tệp rồi gửi lại nhé.
error-file-unpacks-too-large = Tệp .xlsx khi giải nén lớn hơn { $maxMb } MB, quá lớn với một danh sách hay bảng điểm (tệp có thể bị hỏng hoặc cố ý làm phình). Bạn mở bằng Excel, xóa dữ liệu thừa, lưu lại rồi gửi nhé.
error-file-too-heavy = Tệp quá nặng: bot không đọc xong trong giới hạn { $seconds } giây và { $heapMb } MB bộ nhớ. Bạn xóa dữ liệu thừa hoặc chia nhỏ tệp rồi gửi lại nhé.
error-columns-missing = Không tìm thấy cột { $expected } trong dòng tiêu đề (bot xem 20 dòng đầu của tệp). Bạn thêm các cột này rồi gửi lại nhé.
error-preview-has-errors = Tệp còn { $count } lỗi nên chưa lưu gì. Bạn sửa rồi gửi lại tệp nhé.
error-catalogue-owners-only = Danh mục mô đun dùng chung cho mọi trường nên chỉ chủ quản hệ thống mới thêm hoặc sửa được. Cần thêm mô đun, nhà trường gửi tệp cho chủ quản hệ thống nhé.
error-preview-mismatch = Bản xem trước này không thuộc trường của bạn nên không lưu được. Bạn gõ /import rồi gửi lại tệp nhé.

## /setdeadline

cmd-setdeadline = Đặt hạn đăng ký, hạn duyệt kế hoạch
deadline-usage =
    Năm học { $year }: hạn đăng ký kế hoạch <b>{ $planDeadline }</b>, hạn nhà trường duyệt <b>{ $approvalDeadline }</b>.
    Để đổi: <code>/setdeadline 07/09/2026</code> (hạn đăng ký) hoặc <code>/setdeadline 07/09/2026 14/09/2026</code> (cả hạn duyệt).
deadline-bad-date = «{ $input }» không phải là ngày hợp lệ. Viết ngày theo dạng ngày/tháng/năm, ví dụ 07/09/2026.
deadline-set = Đã đặt cho năm học { $year }: hạn đăng ký <b>{ $planDeadline }</b>, hạn duyệt <b>{ $approvalDeadline }</b>.

## /help theo vai trò

help-not-linked = Giáo viên: mở <b>link mời</b> nhà trường gửi để tham gia, rồi đăng ký kế hoạch BDTX ngay trong bot.
help-role-owner =
    <b>Chủ quản hệ thống:</b>
    /schools — các trường; thêm trường và mời quản trị trường
    /broadcast — gửi thông báo · /import — nhập danh mục mô đun từ tệp
    /owners — các chủ quản hệ thống; bỏ quyền một chủ quản
help-role-teacher =
    <b>Giáo viên:</b>
    /plan — đăng ký mô đun tự chọn (ND3), gửi duyệt
    /scores — điểm, xếp loại và điểm còn cần đạt
    /deadlines — các mốc thời gian và việc còn phải làm
    /modules — danh mục mô đun · /me — thông tin của tôi
help-role-head =
    <b>Tổ trưởng chuyên môn:</b>
    /approve — duyệt kế hoạch của tổ · /grades — nhập điểm cả tổ (một tin nhắn hoặc tệp Excel)
    /team — bảng điểm của tổ · /invite — mời giáo viên vào tổ · /people — giáo viên trong tổ
    /plan, /scores, /deadlines — của riêng bạn · /modules — danh mục mô đun · /records — hồ sơ trình độ của tổ (chỉ xem)
help-role-manager =
    <b>Cán bộ quản lý:</b>
    /plan — đăng ký mô đun dành cho cán bộ quản lý · /scores — kết quả đạt/không đạt
    /deadlines — các mốc thời gian · /modules — danh mục mô đun · /me — thông tin của tôi
help-role-admin =
    <b>Quản trị trường (BCĐ):</b>
    /departments — các tổ · /invite — tạo link mời · /people — danh sách · /import — nhập danh sách từ tệp
    /approve — duyệt kế hoạch · /grades — nhập điểm (cả cán bộ quản lý) · /team — bảng điểm
    /deadlines và /deadline — lịch năm học · /setdeadline — hạn đăng ký, hạn duyệt
    /broadcast — gửi thông báo · /lockresults — khóa kết quả năm học
    /records — hồ sơ trình độ (tệp mẫu, nhập từ tệp) · /record — sửa hồ sơ một người · /standards — ai chưa đạt chuẩn, tỉ lệ thạc sĩ/tiến sĩ
help-role-staff =
    <b>Nhân viên:</b>
    /modules — danh mục mô đun · /me — thông tin của tôi

## Kết quả BDTX (/scores, thông báo)

scores-pending =
    { $count ->
        [1] Chưa có kết quả cuối cùng: còn thiếu 1 điểm.
       *[other] Chưa có kết quả cuối cùng: còn thiếu { $count } điểm.
    }
scores-no-approved-plan = Chưa xếp loại: kế hoạch BDTX chưa được nhà trường duyệt.

## /grades, /scores, /team

cmd-grades = Nhập điểm BDTX của tổ
cmd-scores = Điểm và xếp loại của tôi
cmd-team = Bảng điểm của tổ
cmd-lockresults = Khóa kết quả năm học
cmd-unlockresults = Mở khóa kết quả năm học
grades-intro =
    Gửi điểm trong <b>một tin nhắn</b>, mỗi giáo viên một dòng, theo thứ tự ND1, ND2 rồi các mô đun trong kế hoạch đã duyệt:
    <code>Nguyễn Văn An: 8 9 8,5 9 7 8</code>
    <code>Trần Thị Bình | 7 | 6,5 | 8 | 8</code>
    hoặc dán bảng từ Excel. Dòng đầu có thể là tiêu đề cột (<code>Họ tên, ND1, ND2, { $modules }</code>) để đổi thứ tự. Ô trống hoặc <code>-</code> giữ nguyên điểm cũ.
    Hoặc tải tệp mẫu Excel, điền điểm rồi gửi lại tệp.
grades-intro-module-codes = mã các mô đun, ...
grades-button-template = 📥 Tải tệp mẫu Excel
grades-not-for-you = Nhập điểm là việc của tổ trưởng chuyên môn (cho tổ mình) và Ban chỉ đạo BDTX của trường. Điểm của bạn: /scores.
grades-template-caption = Tệp mẫu nhập điểm BDTX năm học { $year }. Điền điểm vào các ô rồi gửi lại tệp này.
grades-template-left-out = Chưa có trong tệp (kế hoạch chưa được duyệt): { $names }
grades-send-lines-or-file = Bạn hãy gửi các dòng điểm hoặc tệp Excel/CSV, hoặc gõ /cancel.
grades-send-first = Bạn hãy gửi điểm trước.
grades-preview-heading = <b>Xem trước điểm BDTX năm học { $year }</b>: { $lines } dòng, { $ok } dòng đọc được, { $changed } dòng có thay đổi ({ $changes } điểm), { $errors } lỗi.
grades-preview-pending =
    { $count ->
        [1] chưa đủ điểm (thiếu 1)
       *[other] chưa đủ điểm (thiếu { $count })
    }
grades-average = ĐTB
grades-preview-more = … và { $count } dòng nữa.
grades-preview-errors = <b>Lỗi ({ $count }):</b>
grades-preview-more-errors = … và { $count } lỗi khác.
grades-fix-and-resend = Chưa lưu gì cả. Bạn hãy sửa các dòng trên rồi gửi lại cả tin nhắn (hoặc tệp).
grades-nothing-changes = Không có điểm nào thay đổi nên không có gì để lưu.
grades-confirm = Bấm <b>Lưu</b> để lưu tất cả các dòng trên.
grades-button-save = ✅ Lưu
grades-button-cancel = Hủy
grades-button-undo = ↩️ Hoàn tác lần nhập này
grades-cancelled = Đã hủy, không lưu điểm nào.
grades-saved = Đã lưu { $lines } dòng ({ $changes } điểm). Đã báo cho { $told } người.
grades-unreachable = Chưa báo được cho (chưa dùng bot): { $names }
grades-undone = Đã hoàn tác: trả lại { $restored } điểm như cũ, đã báo cho { $told } người.
grades-locked = Đã khóa kết quả năm học { $year }: không nhập hay hoàn tác điểm được nữa.
grades-unlocked = Đã mở khóa kết quả năm học { $year }.
grades-no-plan = chưa có kế hoạch
grades-notice = 📊 <b>Kết quả BDTX năm học { $year } của Thầy/Cô vừa được cập nhật:</b>
grades-error-where = Dòng { $line }
grades-error-where-cell = Dòng { $line }, cột thứ { $column }
grades-error-where-column = Dòng { $line }, cột { $column }
grades-column-name = họ tên
grades-column-id = mã
grades-error-missing-name = dòng có điểm nhưng không có tên.
grades-error-unknown-name = không tìm thấy «{ $input }» trong danh sách{ $suggestions ->
        [none] .
       *[other] {""} (gần giống: { $suggestions }).
    }
grades-error-ambiguous-name = có nhiều người tên «{ $input }»: { $candidates }. Hãy ghi rõ hơn.
grades-error-duplicate-teacher = «{ $input }» đã có ở dòng { $firstLine }.
grades-error-not-in-your-department = «{ $input }» thuộc { $department }, không thuộc tổ của bạn.
grades-error-not-gradable = «{ $input }» là { $role }, không nhập điểm ở đây.
grades-error-own-scores = không tự nhập điểm cho chính mình.
grades-error-unknown-id = mã «{ $input }» không có trong trường.
grades-error-name-id-mismatch = mã và tên không khớp (mã này là { $name }).
grades-error-no-approved-plan = «{ $input }» chưa có kế hoạch được duyệt ({ $status }).
grades-error-too-many-scores = nhiều điểm quá: cần { $expected } điểm ({ $columns }), có { $got }.
grades-error-too-few-scores = thiếu điểm: cần { $expected } điểm ({ $columns }), có { $got }. Dùng <code>-</code> cho điểm giữ nguyên.
grades-error-unknown-column = không hiểu tiêu đề cột «{ $input }» (các mô đun: { $modules }).
grades-error-duplicate-column = cột «{ $input }» trùng với cột { $firstColumn }.
grades-error-name-column-missing = tiêu đề thiếu cột họ tên.
grades-error-module-not-in-plan = có điểm mô đun không có trong kế hoạch (kế hoạch gồm: { $modules }).
scores-heading = <b>Điểm BDTX năm học { $year }</b> — { $name }
team-heading = <b>Bảng điểm BDTX { $year }</b> — { $department } ({ $count } người)
team-whole-school = cả trường
team-pending = chưa đủ điểm
team-no-plan = chưa có kế hoạch được duyệt
team-counts = Giỏi { $gioi } · Khá { $kha } · TB { $tb } · Không hoàn thành { $khong } · Chưa đủ điểm { $pending } · Chưa có kế hoạch duyệt { $noPlan }
team-counts-managers = Cán bộ quản lý: Đạt { $dat } · Không đạt { $khongDat } · Chưa có kết quả { $pending }
team-locked = 🔒 Kết quả năm học đã được khóa.
error-results-locked = Kết quả năm học { $schoolYearName } đã khóa; không sửa điểm được nữa.
error-school-required = Bạn hãy cho biết trường hoặc tổ.
error-empty-batch = Tin nhắn không có dòng điểm nào.
error-too-many-lines = Nhiều dòng quá ({ $lines }); tối đa { $max } dòng một lần.
error-preview-stale = Điểm hoặc kế hoạch vừa thay đổi sau khi xem trước; bạn hãy gửi lại để xem trước lần nữa.
error-nothing-to-save = Không có điểm nào thay đổi.
error-already-undone = Lần nhập này đã được hoàn tác ({ $undoneAt }).
error-batch-superseded = Đã có lần nhập sau sửa cùng điểm; hãy hoàn tác lần nhập sau trước.

## /broadcast

cmd-broadcast = Gửi thông báo
broadcast-ask-message = Gửi nội dung thông báo: một tin nhắn (có thể in đậm, in nghiêng, kèm link) hoặc một tệp kèm chú thích.
broadcast-ask-audience = Gửi cho ai?
broadcast-to-everyone = Mọi người trong trường
broadcast-to-role = Theo vai trò
broadcast-to-department = Một tổ chuyên môn
broadcast-ask-role = Vai trò nào?
broadcast-ask-department = Tổ nào?
broadcast-preview =
    Thông báo sẽ gửi tới <b>{ $recipients }</b> người.{ $without ->
        [0] {""}
       *[other] {" "}({ $without } người chưa từng mở bot sẽ không nhận được.)
    }
broadcast-nobody-reachable = Chưa ai trong nhóm này nhận được tin qua bot{ $without ->
        [0] {""}
       *[other] {""}: { $without } người chưa mở link mời
    }{ $blocked ->
        [0] {""}
       *[other] {""}, { $blocked } người đã chặn bot
    }. Chưa gửi gì. Gõ /unreachable để xem là ai và lấy link mời gửi cho họ (qua Zalo hoặc trực tiếp), hoặc tạo link mời bằng /invite.
broadcast-button-send = ✅ Gửi
broadcast-button-stop = ⏹ Dừng gửi
broadcast-cancelled = Đã hủy, chưa gửi cho ai.
broadcast-started = Đang gửi thông báo #{ $id } tới { $count } người. Bot sẽ cập nhật tiến độ và báo kết quả khi xong.
broadcast-stopping = Đã dừng thông báo #{ $id }: { $cancelled } người chưa được gửi sẽ không nhận nữa.
broadcast-progress = 📣 Thông báo <b>#{ $id }</b>: đang gửi, { $percent }%
broadcast-done = 📣 Thông báo <b>#{ $id }</b>: đã xong
broadcast-stopped = 📣 Thông báo <b>#{ $id }</b>: đã dừng
broadcast-counts = ✅ Đã gửi { $sent } · ⏳ Đang chờ { $waiting } · ⛔ Không liên lạc được { $unreachable } · ❌ Lỗi { $failed } · 🚫 Hủy { $cancelled }
broadcast-review = Cần xem lại:
broadcast-state-unreachable = đã chặn bot hoặc chưa mở bot
broadcast-state-failed = gửi lỗi
broadcast-state-unknown = không chắc đã nhận (bot khởi động lại giữa chừng)

## /deadlines, nhắc việc

deadlines-heading = <b>Các mốc thời gian BDTX của bạn</b>
deadlines-none = Chưa có mốc nào liên quan đến bạn.
deadlines-passed = đã qua
deadlines-today = hôm nay
deadlines-days-left = còn { $days } ngày
deadlines-open =
    { $pending ->
        [1] còn việc cần làm
       *[other] còn { $pending } việc cần làm
    }
deadlines-done = ✅ đã xong
deadlines-admin-heading = <b>Lịch của trường (quản trị):</b>
deadlines-admin-usage =
    Sửa lịch: <code>/deadline add 20/10/2026 Tên mốc</code> · <code>/deadline move 3 21/09/2026</code> · <code>/deadline rename 3 Tên mới</code> · <code>/deadline remove 3</code> (số là thứ tự trong danh sách trên).
deadlines-remove-confirm = ❓ Xóa mốc <b>{ $title }</b> ({ $when }) khỏi lịch? Các lời nhắc của mốc này sẽ không gửi nữa.
deadlines-button-remove = 🗑 Xóa mốc
deadlines-button-keep = ↩️ Giữ lại
deadlines-removed = Đã xóa mốc khỏi lịch; các lời nhắc của nó không gửi nữa.
deadlines-changed = Đã cập nhật lịch; các lời nhắc đi theo ngày mới.
deadlines-regulation-heading = 📜 <b>Các mốc do quy chế đặt:</b>
deadlines-regulation-line = • { $title }: <b>{ $when }</b> — { $source }{ $state ->
        [passed] . Ngày này đã qua: hạn của trường là <b>{ $school }</b>.
        [moved] . Hạn của trường: <b>{ $school }</b>.
       *[same] .
    }
deadlines-regulation-rest = Các mốc khác: theo hướng dẫn của trường.
reminder-text =
    ⏰ <b>{ $title }</b>: hạn { $date } { $days ->
        [0] (hôm nay).
        [1] (ngày mai).
       *[other] (còn { $days } ngày).
    }
    { $task ->
        [plan-submitted] Thầy/Cô chưa gửi kế hoạch BDTX.
        [plan-head-approved] Còn { $pending } kế hoạch chờ Thầy/Cô duyệt.
        [plan-approved-by-school] Còn { $pending } kế hoạch chờ nhà trường duyệt.
        [grades-entered] Tổ còn { $pending } giáo viên chưa có đủ điểm.
       *[other] Thầy/Cô nhớ hoàn thành đúng hạn nhé.
    }
reminder-button-plan = 📝 Mở kế hoạch
reminder-button-approve = ✅ Duyệt kế hoạch
reminder-button-grades = 📊 Nhập điểm
reminder-button-deadlines = 📅 Xem các mốc
broadcast-to-open-task = Những người còn việc chưa xong
broadcast-ask-task = Việc nào? (chỉ gửi cho những người chưa làm xong)
broadcast-no-open-task = Không có mốc nào sắp tới có việc để theo dõi.
broadcast-nobody-late = Mọi người đã làm xong việc này, không cần nhắc ai.

## /plan <tên>, mở lại kế hoạch

plan-button-reopen = ↩️ Mở lại để sửa
plan-ask-reopen-reason = Vì sao mở lại kế hoạch này? (người có kế hoạch sẽ đọc được)
plan-reopened = Đã mở lại kế hoạch của { $name } để sửa.
plan-name-unknown = Không tìm thấy «{ $name }» trong danh sách của bạn.
plan-name-ambiguous = Có nhiều người tên «{ $name }»; hãy ghi đủ họ tên.

## /start: việc của từng vai trò

start-button-plan = 📝 Kế hoạch BDTX của tôi
start-button-scores = 📊 Điểm và xếp loại của tôi
start-button-approve = ✅ Duyệt kế hoạch
start-button-grades = 🧾 Nhập điểm
start-button-deadlines = 📅 Các mốc thời gian
schools-created-late = Lịch chung của Sở (hạn đăng ký { $seedDeadline }) đã qua, nên hạn của trường được đặt { $days } ngày kể từ hôm nay để giáo viên đăng ký được ngay. Quản trị trường đổi được bằng /setdeadline.
schools-created-late-regulation = Theo { $source }, kế hoạch BDTX của năm học này phải được duyệt trước { $regulationDeadline } — ngày đó đã qua, nên hạn đăng ký của trường được đặt { $days } ngày kể từ hôm nay để giáo viên đăng ký được ngay. Quản trị trường đổi được bằng /setdeadline; /deadlines ghi cả ngày của quy chế.

## Mini App: bảng điểm trên điện thoại

grades-button-webapp = 📱 Mở bảng điểm
webapp-title = Bảng điểm BDTX
webapp-all-departments = Cả trường
webapp-average = ĐTB
webapp-pending = Chưa đủ điểm
webapp-own-row = Điểm của chính mình do người khác nhập.
webapp-locked = Kết quả năm học đã khoá: chỉ xem, không sửa được.
webapp-hint = Gõ điểm từ 0 đến 10, dấu phẩy hay dấu chấm đều được (8,5). Ô để trống thì giữ nguyên.
webapp-preview = Xem trước
webapp-save = Lưu
webapp-back = Sửa tiếp
webapp-saving = Đang lưu…
webapp-saved = Đã lưu { $changes } điểm; đã báo cho { $told } thầy cô. Tin nhắn xác nhận (có nút hoàn tác) ở trong cuộc trò chuyện với bot.
webapp-nothing-changes = Chưa có điểm nào thay đổi.
webapp-errors = { $count } ô chưa đúng: sửa các ô viền đỏ rồi lưu.
webapp-changes = Sẽ lưu { $changes } điểm của { $lines } người.
webapp-network-error = Không kết nối được với bot. Thử lại sau ít phút.
webapp-refused = Không xác minh được tài khoản Telegram của bạn. Hãy mở lại bảng điểm từ nút trong cuộc trò chuyện với bot.
## /report: the school's BDTX state, certificates

cmd-report = Tình hình BDTX: kế hoạch, điểm, xếp loại
report-heading = 📊 <b>Tình hình BDTX năm học { $year }</b> — { $scope } ({ $people } người)
report-whole-school = { $school }, cả trường
report-board = Ban giám hiệu và người ngoài tổ
report-regulation = Đánh giá theo { $documents }
report-locked = 🔒 Kết quả đã khoá.
report-open = Kết quả chưa khoá.
report-plans = Kế hoạch: đã duyệt { $approved } · chờ duyệt { $submitted } · bị trả lại { $returned } · chưa nộp { $notSubmitted }
report-grades = Điểm (kế hoạch đã duyệt): đủ điểm { $complete } · còn thiếu { $missing }
report-teachers = Giáo viên: Giỏi { $gioi } · Khá { $kha } · Trung bình { $tb }{ $ht ->
    [0] {""}
   *[other] {" · "}Hoàn thành { $ht }
} · Không hoàn thành { $khong } · chưa có kết quả { $pending }
report-managers = Cán bộ quản lý: Đạt { $dat } · Không đạt { $khongDat } · chưa có kết quả { $pending }
report-certificates = Đề nghị cấp giấy chứng nhận: { $eligible }/{ $people } người
report-by-department = <b>Theo tổ</b> (duyệt KH · đủ điểm · G/K/TB/KHT · chứng nhận):
report-group-line = • <b>{ $name }</b> ({ $people }): KH { $approved } · điểm { $complete } · { $gioi }/{ $kha }/{ $tb }/{ $khong } · CN { $eligible }
report-more-departments = … và { $count } tổ nữa: bấm nút của từng tổ để xem.
report-button-certificates = 📜 Chứng nhận: { $name }
report-certificates-heading = 📜 <b>Đề nghị cấp giấy chứng nhận BDTX — { $name }</b>: { $eligible }/{ $people } người. Không đề nghị:
report-certificates-all = (không có ai)
report-no-certificate-no-approved-plan = chưa có kế hoạch được duyệt
report-no-certificate-results-pending = chưa đủ điểm
report-no-certificate-plan-not-completed = không hoàn thành kế hoạch
report-no-certificate-manager-not-passed = cán bộ quản lý xếp loại không đạt
report-pick-school = Chọn trường để xem tình hình BDTX:
report-more-schools = Có { $count } trường; { $shown } trường đầu ở dưới. Gõ /report và vài chữ trong tên trường để tìm, ví dụ /report kim dong.
report-no-school-match = Không có trường nào có «{ $query }» trong tên. Gõ /report để xem tất cả.
report-no-schools = Chưa có trường nào. Thêm trường bằng /schools.
report-button-sheet = 📥 Bảng kết quả (.xlsx)
sheet-caption = Bảng tổng hợp kết quả BDTX: { $people } người, mỗi người một dòng, có tổng hợp và chỗ ký.
sheet-name = Kết quả BDTX
sheet-title = BẢNG TỔNG HỢP KẾT QUẢ BỒI DƯỠNG THƯỜNG XUYÊN
sheet-subtitle = Năm học { $year } — { $scope }
sheet-whole-school = toàn trường
sheet-regulation = Đánh giá, xếp loại theo { $documents }
sheet-date = Ngày lập: { $date }
sheet-col-number = STT
sheet-col-name = Họ và tên
sheet-col-post = Chức vụ
sheet-col-department = Tổ chuyên môn
sheet-col-nd1 = ND1
sheet-col-nd2 = ND2
sheet-col-module-code = Mã mô đun { $n }
sheet-col-module-score = Điểm MĐ { $n }
sheet-col-average = ĐTB
sheet-col-class = Xếp loại
sheet-col-certificate = Đề nghị cấp GCN
sheet-col-note = Ghi chú
sheet-class-Gioi = Giỏi
sheet-class-Kha = Khá
sheet-class-TrungBinh = Trung bình
sheet-class-HoanThanh = Hoàn thành
sheet-class-KhongHoanThanh = Không hoàn thành
sheet-class-Dat = Đạt
sheet-class-KhongDat = Không đạt
sheet-class-pending = Chưa đủ điểm
sheet-class-no-approved-plan = Chưa có kế hoạch duyệt
sheet-yes = Có
sheet-no = Không
sheet-summary-title = Tổng hợp
sheet-summary-count = Số người
sheet-summary-percent = Tỉ lệ (%)
sheet-summary-certificates = Đề nghị cấp giấy chứng nhận
sheet-summary-total = Tổng số
sheet-place-date = ............, ngày { $day } tháng { $month } năm { $year }
sheet-prepared-by = NGƯỜI LẬP BIỂU
sheet-principal = HIỆU TRƯỞNG
report-late-heading = ⏳ <b>Chưa xong: { $title }</b> — hạn { $date } ({ $days ->
    [0] hôm nay
    [1] ngày mai
   *[other] còn { $days } ngày
}): { $count } người
report-late-none = ✅ Hạn tới — { $title } ({ $date }): mọi người đã xong.
report-late-line = { $n }. { $name }{ $department }{ $linked ->
    [no] {" "}(chưa dùng bot)
   *[yes] {""}
}
report-late-more = … và { $count } người khác.
report-button-remind-all = 🔔 Nhắc tất cả ({ $count })
report-button-remind-one = 🔔 { $name }
report-button-charts = 📊 Biểu đồ
report-reminded = 🔔 Đã gửi lời nhắc cho { $count } người.{ $without ->
    [0] {""}
   *[other] {" "}{ $without } người chưa dùng bot nên không nhận được.
}{ $recent ->
    [0] {""}
   *[other] {" "}{ $recent } người đã được nhắc hạn này trong { $hours } giờ qua nên không nhắc lại.
}
error-deadline-not-open = Hạn này đã qua, đã bị xoá hoặc không còn việc để nhắc. Gõ /report để xem lại.
error-nothing-to-remind = Người này (những người này) đã xong việc, không cần nhắc nữa.
error-reminded-recently = Những người này đã được nhắc hạn này trong { $hours } giờ qua; để họ có thời gian làm đã.
error-none-linked = Không ai trong số này dùng bot ({ $withoutTelegram } người), nên không nhắc được qua Telegram.
chart-whole-school = Cả trường
chart-not-yet = Chưa có kết quả
chart-classes-title = Xếp loại BDTX của giáo viên
chart-progress-title = Tiến độ kế hoạch và điểm BDTX
chart-class-line = { $name } ({ $total }): { $counts } · chưa có kết quả { $pending }
chart-caption-more = … và { $count } dòng nữa: xem bảng .xlsx.
chart-bars-capped = Biểu đồ vẽ { $shown } cột đầu; { $count } cột nữa có trong chú thích và bảng .xlsx.
chart-task-plans-submitted = Đã nộp kế hoạch
chart-task-plans-approved = Kế hoạch được duyệt
chart-task-grades-complete = Đủ điểm
chart-due = hạn { $date }
chart-progress-row = { $task } (hạn { $date })
chart-progress-line = { $row }: { $done }/{ $total } người, còn { $open }
chart-progress-line-late = { $row }: { $done }/{ $total } người, quá hạn { $open }
chart-done = Đã xong
chart-open = Chưa xong
chart-late = Quá hạn
chart-all-schools = { $schools } trường
chart-all-schools-row = Tất cả các trường
report-button-province-sheet = 📥 Bảng tổng hợp các trường (.xlsx)
report-button-province-chart = 📊 Biểu đồ các trường
province-sheet-caption = Bảng tổng hợp kết quả BDTX: { $schools } trường, mỗi trường một dòng, có dòng tổng.
province-sheet-name = Các trường
province-sheet-title = TỔNG HỢP KẾT QUẢ BỒI DƯỠNG THƯỜNG XUYÊN CÁC TRƯỜNG
province-col-school = Trường
province-col-year = Năm học
province-col-people = Số người
province-col-approved = KH đã duyệt
province-col-not-yet = Chưa có kết quả
province-col-classified = Đã xếp loại
province-col-complete = Hoàn thành (%)
province-col-certificates = Đề nghị cấp GCN
province-no-year = chưa có năm học
province-total = Tổng cộng ({ $schools } trường)
## Notification settings, quiet hours, blocked and unreachable people
broadcast-preview-blocked = { $count } người đã chặn bot sẽ không nhận được.
broadcast-preview-quiet = 🌙 Ai đang trong giờ yên lặng sẽ nhận khi giờ yên lặng của họ kết thúc.
broadcast-preview-urgent = 🚨 <b>Khẩn</b>: gửi ngay, kể cả người đang trong giờ yên lặng.
broadcast-button-urgent = 🚨 Đánh dấu khẩn
broadcast-button-not-urgent = 🌙 Không khẩn
broadcast-waiting-morning = 🌙 Chờ đến sáng (giờ yên lặng): { $count }
broadcast-state-blocked = đã chặn bot
broadcast-state-never-opened = chưa từng mở bot
broadcast-state-deactivated = tài khoản Telegram đã bị xóa
cmd-settings = Cài đặt thông báo
start-button-settings = 🔔 Cài đặt thông báo
settings-text =
    🔔 <b>Thông báo của bạn</b>
    Nhắc hạn: { $reminders } ({ $days })
    Giờ nhận nhắc hạn: { $hour } (giờ Việt Nam)
    Thông báo kết quả (điểm mới, kế hoạch được duyệt hoặc trả lại): { $results }
    Giờ yên lặng: { $quiet } — tin nhắn chờ đến hết giờ này (trừ thông báo khẩn)
settings-hint = Bấm để thay đổi. Giờ yên lặng riêng: gõ, ví dụ, <code>/settings 22-6</code> (giờ Việt Nam, từ 0 đến 23).
settings-on = bật
settings-off = tắt
settings-days-seven-one = trước 7 ngày và 1 ngày
settings-days-one = chỉ trước 1 ngày
settings-days-three-one = trước 3 ngày và 1 ngày
settings-hour = { $hour }:00
settings-hour-school-button = theo trường
settings-hour-school = theo trường (08:00)
settings-quiet-range = { $from }:00–{ $to }:00
settings-quiet-none = không có
settings-button-reminders-on = 🔔 Bật nhắc hạn
settings-button-reminders-off = 🔕 Tắt nhắc hạn
settings-button-results-on = 📊 Bật thông báo kết quả
settings-button-results-off = 📊 Tắt thông báo kết quả
settings-saved = ✅ Đã lưu.
settings-quiet-bad = “{ $text }” không phải là khoảng giờ. Hãy gõ giờ bắt đầu và giờ kết thúc, ví dụ <code>/settings 22-6</code> (từ 22:00 đến 06:00, giờ Việt Nam); <code>/settings 0-0</code> để tắt giờ yên lặng.
settings-hour-bad = Giờ phải là số nguyên từ 0 đến 23, ví dụ <code>/settings 22-6</code>.
cmd-unreachable = Ai bot chưa liên lạc được
unreachable-forbidden = Chỉ quản trị của trường (cả trường) và tổ trưởng (tổ của mình) mới xem được ai bot chưa liên lạc được.
unreachable-none = ✅ Bot liên lạc được với tất cả mọi người.
unreachable-heading = 📵 Bot chưa liên lạc được <b>{ $count }</b> người. Bấm vào tên để lấy đường dẫn gửi qua Zalo hoặc trực tiếp:
unreachable-never = chưa từng mở bot
unreachable-blocked = đã chặn bot
unreachable-link = Đường dẫn mời <b>{ $name }</b> (dùng một lần, 7 ngày): { $link }
unreachable-link-blocked = <b>{ $name }</b> đã chặn bot. Hãy nhờ họ mở { $link } và bấm Bắt đầu (hoặc bỏ chặn bot).
## Bounded inputs and Telegram limits (issue 10, i10b)
error-message-too-long = Tin nhắn dài { $length } ký tự; Telegram chỉ cho phép tối đa { $max } ký tự. Chưa gửi gì. Xin rút gọn (hoặc chia thành nhiều thông báo) rồi gửi lại.
broadcast-preview-heading = Người nhận sẽ thấy thông báo như sau:
## Regulation profiles
grade-HoanThanh = Hoàn thành kế hoạch
source-school-guidance = các điểm thông tư chưa quy định rõ: theo hướng dẫn của trường
team-counts-completion = Hoàn thành { $ht } · Không hoàn thành { $khong } · Chưa đủ điểm { $pending } · Chưa có kế hoạch duyệt { $noPlan }
cmd-regulation = Quy chế BDTX của năm học
regulation-heading = Năm học <b>{ $year }</b> thực hiện theo <b>{ $documents }</b>.
regulation-hours = Thời lượng: ND1 { $nd1 } tiết · ND2 { $nd2 } tiết · ND3 (mô đun tự chọn) { $nd3 } tiết · tổng { $total } tiết/năm học.
regulation-grading-tt26-2012 = Xếp loại giáo viên: Giỏi / Khá / Trung bình / Không hoàn thành (ĐTB làm tròn đến 0,1); cán bộ quản lý: Đạt / Không đạt.
regulation-grading-tt19-2019 = Mỗi nội dung chấm thang điểm 10, đạt từ 5 điểm; giáo viên: Hoàn thành / Không hoàn thành kế hoạch (thông tư không có xếp loại Giỏi/Khá/TB).
regulation-unverified = Các điểm thông tư chưa quy định rõ (quy tắc hoàn thành, người đánh giá cuối cùng, giấy chứng nhận, số tiết từng mô đun) thực hiện theo hướng dẫn của trường.
regulation-admin-usage = Đổi quy chế (khi năm học chưa có điểm nào): <code>/regulation tt26</code> hoặc <code>/regulation tt19</code>.
regulation-unknown = Không rõ quy chế «{ $input }». Hãy gõ <code>/regulation tt26</code> (TT 26/2012) hoặc <code>/regulation tt19</code> (TT 19/2019).
regulation-changed = ✅ Đã đổi quy chế của năm học.
regulation-unchanged = Năm học đã thực hiện theo quy chế này.
regulation-grading-school-classes = Mỗi nội dung chấm thang điểm 10, đạt từ 5 điểm; giáo viên hoàn thành kế hoạch được xếp loại Giỏi / Khá / Trung bình theo ngưỡng của TT 26/2012 (theo hướng dẫn của trường).
regulation-admin-settings = Các điểm thông tư để ngỏ: chọn cách xếp loại bằng nút bên dưới (khi năm học chưa có điểm); chia 80 tiết của ND1 và ND2 theo hướng dẫn của Sở: <code>/regulation tiết 30 50</code>.
regulation-classes-tt26 = Xếp loại Giỏi / Khá / TB (như TT 26)
regulation-classes-completion = Chỉ Hoàn thành / Không hoàn thành
regulation-settings-changed = ✅ Đã lưu cách áp dụng quy chế của năm học.
error-settings-not-open = Quy chế của năm học này không để ngỏ điểm nào cho trường tự quy định.
error-settings-hours = Số tiết ND1 và ND2 phải là số nguyên, cộng lại đúng { $total } tiết, ví dụ <code>/regulation tiết 30 50</code>.
error-results-exist = Năm học { $schoolYearName } đã có điểm; không đổi quy chế được nữa (điểm đã lưu sẽ bị xếp loại theo quy chế khác).
error-unknown-profile = Không có quy chế này. Các quy chế: { $known }.
need-rounding-note = <i>(điểm cần đạt làm tròn lên đến 0,1; ĐTB làm tròn đến 0,1 nên điểm lẻ hai chữ số thấp hơn một chút có thể đã đủ)</i>
cefr-error-toeic-bridge = «{ $input }» là TOEIC Bridge, một bài thi khác với thang điểm khác; bảng quy đổi chỉ có TOEIC 4 kỹ năng (Nghe-Đọc 10–990, Nói và Viết 0–200).
## Sandbox terminal

sandbox-pasting = Gõ hoặc dán các dòng; một dòng :end sẽ gửi tất cả thành một tin nhắn.
sandbox-saved = đã lưu vào { $path }

## /courses: training courses and their budget (seed 000 §III.5)
cmd-courses = Khóa bồi dưỡng, kinh phí và đăng ký
entity-course = khóa bồi dưỡng
courses-owner-scope = các trường (Sở/Phòng)
courses-heading = 📚 Khóa bồi dưỡng của <b>{ $scope }</b> ({ $count }):
courses-none = Chưa có khóa nào. Bấm ➕ để dán bảng dự trù kinh phí.
courses-line = { $n }. { $name } — { $classes } lớp · { $seats } người · { $fee }/người = <b>{ $amount }</b>
courses-line-signups = 📣 đang nhận đăng ký: { $seated }/{ $seats } chỗ{ $waiting ->
    [0] {""}
   *[other] , { $waiting } người chờ
}
courses-totals = <b>Tổng cộng:</b> { $classes } lớp · { $seats } người · <b>{ $amount }</b>
courses-add = ➕ Thêm khóa (dán bảng)
courses-export = 📊 Xuất Excel
courses-open = 📣 Mở ĐK { $n }
courses-ask-table =
    Dán bảng dự trù kinh phí, mỗi khóa một dòng, các ô cách nhau bằng Tab (chép từ Excel) hoặc dấu |:
    <code>Tên lớp | Số lớp | Số người | Kinh phí/người | Thành tiền</code>
    Cột STT, dòng tiêu đề và cột Thành tiền có thể có hoặc không; dòng «Tổng cộng» (nếu có) sẽ được đối chiếu với tổng bot tự cộng.
courses-preview-heading = Xem trước { $count } khóa bồi dưỡng (bot tự tính thành tiền = số người × kinh phí/người):
courses-more = … và { $count } khóa nữa.
courses-field-classes = Số lớp
courses-field-seats = Số người
courses-field-amount = Thành tiền
courses-mismatch-total = ⚠️ Dòng tổng cộng ghi { $field } { $printed }, nhưng cộng các dòng được { $computed }.
courses-mismatch-line = ⚠️ Khóa { $n }: bảng ghi thành tiền { $printed }, nhưng số người × kinh phí/người = { $computed }.
courses-errors = ❌ { $count } lỗi — chưa lưu được:
courses-error-missing = Dòng { $line }, cột «{ $column }»: còn trống.
courses-error-not-a-number = Dòng { $line }, cột «{ $column }»: «{ $input }» không phải số nguyên (ví dụ 100 hoặc 1.500.000).
courses-error-zero = Dòng { $line }, cột «{ $column }»: phải lớn hơn 0.
courses-error-too-many-cells = Dòng { $line }: thừa ô «{ $input }»; mỗi dòng có tối đa 5 cột (tên, số lớp, số người, kinh phí/người, thành tiền).
courses-fix-and-resend = Sửa các dòng trên rồi bấm ➕ để dán lại. Chưa có gì được lưu.
courses-save = ✅ Lưu
courses-discard = Hủy
courses-discarded = Đã hủy, chưa lưu gì.
courses-saved = ✅ Đã lưu { $count } khóa bồi dưỡng. Gõ /courses để xem và mở đăng ký.
courses-ask-audience = Mở đăng ký cho ai? Bot sẽ gửi lời mời kèm nút đăng ký.
courses-audience-teacher = Giáo viên và tổ trưởng
courses-audience-manager = Cán bộ quản lý
courses-audience-staff = Nhân viên
courses-audience-all = Tất cả
courses-audience-gap = Còn thiếu: { $standard } ({ $count } người)
error-course-gap-school-only = Khóa của Sở/Phòng mở đăng ký theo vị trí; danh sách người còn thiếu chuẩn tính theo từng trường.
error-course-gap-nobody = Theo hồ sơ trình độ, không còn ai thiếu chuẩn này.
courses-invitation = 📚 Khóa bồi dưỡng <b>{ $name }</b> đang nhận đăng ký: { $seats } chỗ, kinh phí { $fee }/người. Bấm nút bên dưới để đăng ký; hết chỗ thì bạn vào danh sách chờ.
courses-sign-up-button = ✍️ Đăng ký
courses-opened = 📣 Đã mở đăng ký khóa «{ $name }» và gửi lời mời tới { $count } người.
courses-opened-nobody = 📣 Đã mở đăng ký khóa «{ $name }». Chưa ai trong nhóm này mở bot nên chưa gửi lời mời được; họ sẽ thấy khóa học khi gõ /courses.
courses-none-open = Hiện chưa có khóa bồi dưỡng nào mở đăng ký cho bạn.
courses-open-heading = 📚 Khóa bồi dưỡng đang nhận đăng ký ({ $count }):
courses-mine-seat = ✅ Bạn đã có chỗ.
courses-mine-waiting = ⏳ Bạn đang trong danh sách chờ.
courses-sign-up = ✍️ Đăng ký { $n }
courses-withdraw = ❌ Rút tên { $n }
courses-signed-seat = ✅ Đã đăng ký khóa «{ $name }»: bạn có một chỗ.
courses-signed-waiting = Khóa «{ $name }» đã đủ { $seats } chỗ. Bạn ở vị trí số { $position } trong danh sách chờ; có người rút tên thì bot báo ngay.
courses-withdrawn = Đã rút tên khỏi khóa «{ $name }».
courses-promoted = ✅ Đã có chỗ cho bạn trong khóa bồi dưỡng <b>{ $name }</b> (có người rút tên).
error-course-table-errors = Bảng còn { $count } lỗi; chưa lưu gì.
error-course-table-empty = Bảng không có khóa nào để lưu.
error-course-table-too-long = Bảng quá dài: tối đa { $max } khóa một lần.
error-course-not-open = Khóa này chưa mở đăng ký.
error-course-not-for-you = Khóa này không mở đăng ký cho vị trí của bạn.
error-course-not-signed-up = Bạn chưa đăng ký khóa này.
courses-sheet-name = Khóa bồi dưỡng
courses-sheet-signups = Đăng ký
courses-sheet-title = DỰ TRÙ KINH PHÍ CÁC LỚP BỒI DƯỠNG — { $scope }
courses-file-name = khoa-boi-duong.xlsx
courses-col-number = STT
courses-col-name = Tên lớp
courses-col-classes = Số lớp
courses-col-seats = Số người
courses-col-fee = Kinh phí/người
courses-col-amount = Thành tiền
courses-col-seated = Đã có chỗ
courses-col-waiting = Danh sách chờ
courses-col-total = TỔNG CỘNG
courses-col-person = Họ và tên
courses-col-school = Trường
courses-col-state = Trạng thái
courses-state-seat = có chỗ
courses-state-waiting = chờ
## Hồ sơ cán bộ, chuẩn trình độ (/records, /record, /standards)

cmd-records = Hồ sơ trình độ cán bộ, giáo viên
cmd-record = Cập nhật hồ sơ một người
cmd-standards = Ai chưa đạt chuẩn, tỉ lệ thạc sĩ/tiến sĩ
staff-yes = có
staff-no = chưa
staff-qualification-trung-cap = Trung cấp
staff-qualification-cao-dang = Cao đẳng
staff-qualification-dai-hoc = Đại học
staff-qualification-thac-si = Thạc sĩ
staff-qualification-tien-si = Tiến sĩ
staff-political-so-cap = sơ cấp
staff-political-trung-cap = trung cấp
staff-political-cao-cap = cao cấp
staff-political-cu-nhan = cử nhân
staff-it-none = chưa có
staff-it-basic = ứng dụng CNTT cơ bản
staff-it-management = ứng dụng phần mềm quản lý
staff-post-principal = Hiệu trưởng
staff-post-vice-principal = Phó hiệu trưởng
staff-post-van-thu = Văn thư
staff-post-ke-toan = Kế toán
staff-post-y-te = Y tế
staff-post-thu-vien = Thư viện
staff-post-thiet-bi = Thiết bị
staff-post-bao-ve = Bảo vệ
staff-cefr-below = dưới { $level }
staff-record-empty = <b>Hồ sơ trình độ:</b> chưa có. BCĐ của trường cập nhật bằng /records.
staff-record =
    <b>Hồ sơ trình độ</b>
    Chuyên môn: { $qualification }
    Lý luận chính trị: { $political }
    Chứng chỉ QLNN: { $stateManagement } · QLGD: { $educationManagement } · Bồi dưỡng TTCM: { $ttcm }
    Tin học: { $it }
    Ngoại ngữ: { $languages }
    Quy hoạch cán bộ quản lý: { $pipeline }
    Vị trí: { $post }
staff-line-empty = chưa có hồ sơ
staff-line-political = LLCT { $level }
staff-line-it = tin học { $level }
staff-line-pipeline = trong quy hoạch
records-heading-school = <b>Hồ sơ trình độ của trường</b> — { $filled }/{ $count } người đã có hồ sơ:
records-heading-department = <b>Hồ sơ trình độ của tổ</b> (chỉ xem) — { $filled }/{ $count } người đã có hồ sơ:
records-admin-hint = Cập nhật cả trường: tải <b>tệp mẫu</b> (đã điền sẵn tên và dữ liệu hiện có), sửa rồi <b>nhập từ tệp</b>. Một người: /record, ví dụ <code>/record Trần Thị Lan</code> rồi mỗi dòng một mục, như <code>Trình độ: thạc sĩ</code>. Gõ /standards để xem ai chưa đạt chuẩn.
records-head-hint = Tổ trưởng chỉ xem được hồ sơ; muốn sửa, bạn báo BCĐ của trường.
records-button-template = 📄 Tệp mẫu
records-button-import = 📥 Nhập từ tệp
records-template-help =
    Hướng dẫn
    Mỗi dòng của trang «Hồ sơ» là một người của trường; bot tìm người theo Họ và tên (và Tổ, nếu hai người trùng tên).
    Trình độ chuyên môn: trung cấp, cao đẳng, đại học, thạc sĩ, tiến sĩ — kèm Chuyên ngành (ví dụ Toán, Kế toán).
    Lý luận chính trị: sơ cấp, trung cấp, cao cấp, cử nhân; để trống nếu chưa có.
    Chứng chỉ QLNN, Chứng chỉ QLGD, Bồi dưỡng TTCM, Quy hoạch: có / không.
    Tin học: không, cơ bản, ứng dụng quản lý.
    Vị trí: hiệu trưởng, phó hiệu trưởng; với nhân viên: văn thư, kế toán, y tế, thư viện, thiết bị, bảo vệ.
    Chứng chỉ ngoại ngữ: IELTS, TOEFL iBT, FCE, TOEIC; Điểm (TOEIC ghi ba điểm Nghe-Đọc, Nói, Viết, ví dụ 850 170 160); Ngày cấp: ngày/tháng/năm. Chứng chỉ đã có được giữ lại; ghi «xóa» (để trống Điểm) để xóa các chứng chỉ đã ghi.
    Xóa hẳn một cột thì bot giữ nguyên dữ liệu của cột đó; để trống một ô thì bot xóa giá trị đó.
records-template-caption = Tệp mẫu hồ sơ trình độ: mỗi dòng một người. Trang «Hướng dẫn» ghi các giá trị được chấp nhận. Sửa xong, bạn bấm «📥 Nhập từ tệp» ở /records rồi gửi lại tệp.
records-owner = Hồ sơ trình độ là của từng trường: BCĐ của trường xem và cập nhật bằng /records. Tỉ lệ thạc sĩ, tiến sĩ của các trường so với chỉ tiêu: /standards.
records-admin-only = Chỉ BCĐ của trường mới xem và cập nhật được hồ sơ trình độ của cả trường. Hồ sơ của riêng bạn: /me.
records-head-read-only = Tổ trưởng chỉ xem được hồ sơ của tổ (/records), không sửa được. Muốn sửa, bạn báo BCĐ của trường nhé.
records-ask-file =
    Bạn gửi tệp <b>.xlsx</b> hoặc <b>.csv</b> hồ sơ trình độ của <b>{ $school }</b> (đính kèm dạng tệp), theo tệp mẫu.
    Mỗi dòng là một người đã có trong danh sách của trường (tìm theo <b>Họ và tên</b>, thêm <b>Tổ</b> nếu trùng tên). Cột nào không có trong tệp thì giữ nguyên; ô để trống thì xóa giá trị đó.
records-preview-counts = Đọc được { $rows } dòng: { $create } người có hồ sơ lần đầu, { $update } người được cập nhật, { $certificates } chứng chỉ ngoại ngữ.
records-saved = ✅ Đã lưu hồ sơ: { $created } người có hồ sơ lần đầu, cập nhật { $updated } người, { $certificates } chứng chỉ ngoại ngữ. Gõ /standards để xem ai chưa đạt chuẩn.
record-ask-name =
    Cập nhật hồ sơ của ai ở <b>{ $school }</b>? Bạn gõ họ và tên.
    (Gõ nhanh cả hồ sơ trong một tin: <code>/record Trần Thị Lan</code> rồi mỗi dòng một mục, như <code>Trình độ: thạc sĩ</code>.)
record-ask-department = Có nhiều người tên «{ $name }». Bạn chọn tổ của người cần cập nhật:
record-pick-field = Bạn chọn mục cần sửa (mỗi thay đổi được lưu ngay), hoặc bấm <b>✅ Xong</b>.
record-field-qualification = Trình độ
record-field-subject = Chuyên ngành
record-field-politicalTheory = Lý luận chính trị
record-field-stateManagement = Chứng chỉ QLNN
record-field-educationManagement = Chứng chỉ QLGD
record-field-ttcmTraining = Bồi dưỡng TTCM
record-field-it = Tin học
record-field-pipeline = Quy hoạch
record-field-post = Vị trí
record-field-language = Thêm chứng chỉ ngoại ngữ
record-button-done = ✅ Xong
record-button-clear = Để trống
record-done = ✅ Xong. Hồ sơ đã lưu; gõ /standards để xem ai chưa đạt chuẩn.
record-ask-value = { $field }:
record-ask-subject = Bạn gõ chuyên ngành đào tạo (ví dụ Toán, Kế toán), hoặc gõ - để xóa.
record-ask-language = Bạn gõ kỳ thi, điểm và ngày cấp trên một dòng, ví dụ <code>IELTS 6,5 12/05/2023</code> hoặc <code>TOEIC 850 170 160</code>. Gõ <code>xóa</code> để xóa các chứng chỉ đã ghi (khi ghi nhầm).
record-language-unreadable = Bot chưa đọc được «{ $text }». Ghi kỳ thi rồi điểm (và ngày cấp nếu có), ví dụ <code>IELTS 6,5 12/05/2023</code>. Chưa lưu gì.
record-unknown-line = Bot chưa hiểu dòng «{ $line }». Mỗi dòng là <code>Mục: giá trị</code>, ví dụ <code>Trình độ: thạc sĩ</code>. Gõ /record để xem các mục. Chưa lưu gì.
record-saved = ✅ Đã lưu hồ sơ của <b>{ $name }</b>.
record-invalid = ❌ Hồ sơ có lỗi nên <b>chưa lưu gì</b>:
record-error-line = • «{ $column }»: { $problem }
staff-error-required = còn trống, cần điền.
staff-error-too-long = dài quá, tối đa { $max } ký tự.
staff-error-unknown-value = «{ $value }» không phải giá trị bot biết. Ghi một trong: { $expected }.
staff-error-unknown-exam = «{ $value }» không phải kỳ thi có trong bảng quy đổi CEFR. Ghi một trong: { $expected }.
staff-error-bad-score = «{ $value }» không phải điểm { $expected } hợp lệ (từ { $min } đến { $max }, bước { $step }; TOEIC ghi ba điểm Nghe-Đọc, Nói, Viết).
staff-error-score-required = có tên kỳ thi nhưng chưa có điểm.
staff-error-exam-required = có điểm nhưng chưa ghi kỳ thi. Ghi một trong: { $expected }.
staff-error-score-with-clear = «xóa» ở cột chứng chỉ thì để trống cột điểm (bot xóa mọi chứng chỉ ngoại ngữ của người này).
staff-error-bad-date = «{ $value }» không phải ngày. Ghi ngày/tháng/năm, ví dụ 12/05/2023.
staff-error-person-unknown = không có ai tên «{ $value }» trong danh sách của trường. Thêm người này bằng /import trước.
staff-error-person-ambiguous = có nhiều người tên «{ $value }» ({ $expected }). Ghi thêm cột Tổ để bot biết là ai.
staff-error-person-other-department = người này không ở «{ $value }» mà ở { $expected }. Bạn sửa cột Tổ cho đúng nhé.
staff-error-duplicate-row = «{ $value }» trùng với dòng { $firstRow }.
error-person-unknown = Không có ai tên «{ $name }» trong danh sách của trường. Chưa lưu gì.
error-person-ambiguous = Có nhiều người tên «{ $name }» (ở { $departments }). Bạn thêm dòng <code>Tổ: …</code> để bot biết là ai. Chưa lưu gì.
standards-owner-heading = <b>Tỉ lệ thạc sĩ, tiến sĩ so với chỉ tiêu — { $count } trường</b>
standards-owner-school = <b>{ $school }</b> (cấp { $kind })
standards-admin-only = Chỉ BCĐ của trường mới xem được ai chưa đạt chuẩn. Hồ sơ của riêng bạn: /me.
standards-heading = <b>Chuẩn trình độ — { $school }</b> (cấp { $kind })
standards-summary = Đã xét { $judged } người có hồ sơ: { $meeting } người đạt mọi chuẩn. { $without } người chưa có hồ sơ (/records).
standards-ratios-heading = <b>Tỉ lệ thạc sĩ, tiến sĩ so với chỉ tiêu</b>
standards-ratios-no-kind = Chưa biết trường thuộc cấp học nào (chưa ai có cấp học) nên chưa so được với chỉ tiêu.
standards-ratios-no-target = Kế hoạch không đặt chỉ tiêu thạc sĩ, tiến sĩ cho cấp { $kind }.
standards-ratio-line = • { $group } — { $measure }: { $count }/{ $total } ({ $share }), chỉ tiêu { $target }: { $verdict }
standards-ratio-met = ✅ đạt
standards-ratio-short = còn thiếu { $people } người
standards-ratios-without-record = Trong đó { $managers } cán bộ quản lý và { $teachers } giáo viên chưa có hồ sơ (chưa được tính là có bằng thạc sĩ, tiến sĩ).
standards-group-managers = Cán bộ quản lý
standards-group-teachers = Giáo viên
standards-measure-thac-si = thạc sĩ
standards-measure-tien-si = tiến sĩ
standards-measure-above-standard = trên chuẩn
standards-gaps-heading = <b>Ai chưa đạt chuẩn nào</b>
standards-group = <b>{ $standard }</b> — { $count } người
standards-source = <i>Nguồn: { $source }</i>
standards-gap-line = • { $who }: cần { $required }, hiện: { $has }
staff-gap-none = chưa có
standards-more = … và { $count } người nữa (xem đủ trong tệp mẫu ở /records).
standards-no-records = Chưa ai có hồ sơ trình độ. Nhập hồ sơ ở /records.
standards-no-gaps = ✅ Mọi người có hồ sơ đều đạt các chuẩn.
standard-management-certificate = Chứng chỉ bồi dưỡng quản lý giáo dục (CBQL và diện quy hoạch)
standard-state-management-certificate = Chứng chỉ quản lý nhà nước (CBQL)
standard-political-theory = Lý luận chính trị từ trung cấp (CBQL và diện quy hoạch)
standard-ttcm-training = Bồi dưỡng nghiệp vụ tổ trưởng chuyên môn
standard-trained-standard = Trình độ đào tạo đạt chuẩn
standard-manager-above-standard = CBQL có trình độ trên chuẩn
standard-english = Tiếng Anh của giáo viên tiếng Anh
standard-language-certificate = Chứng chỉ ngoại ngữ (CBQL)
standard-it = Tin học
standard-staff-training = Nhân viên được đào tạo đúng chuyên môn vị trí việc làm
## /owners

cmd-owners = Chủ quản hệ thống
owners-only = Chỉ chủ quản hệ thống mới xem và đổi được danh sách chủ quản.
owners-title = <b>Chủ quản hệ thống ({ $count })</b>
owners-line = • <b>{ $name }</b>{ $you } — id { $id }, { $source }, từ { $since }
owners-you = { " " }(bạn)
owners-source-config = theo cấu hình máy chủ (OWNER_TELEGRAM_IDS)
owners-source-setup = qua link thiết lập
owners-source-owner = do chủ quản khác thêm
owners-config-note = Chủ quản theo cấu hình máy chủ chỉ bỏ được bằng cách xóa id khỏi OWNER_TELEGRAM_IDS rồi khởi động lại bot.
owners-only-one = Hệ thống luôn phải có ít nhất một chủ quản, nên bạn chưa thể bỏ quyền của ai.
owners-revoke = 🚫 Bỏ quyền: { $name }
owners-confirm =
    Bỏ quyền chủ quản của <b>{ $name }</b> (id { $id })?
    Người này sẽ không còn thêm trường, xem báo cáo của mọi trường, gửi thông báo cho mọi trường hay nhập danh mục mô đun. Vai trò ở trường (nếu có) vẫn giữ nguyên.
owners-confirm-yes = 🚫 Bỏ quyền
owners-confirm-no = Hủy
owners-revoked = Đã bỏ quyền chủ quản của <b>{ $name }</b>. Hệ thống còn { $remaining } chủ quản.
owners-revoked-notice = Bạn không còn là chủ quản hệ thống: một chủ quản khác đã bỏ quyền này. Vai trò ở trường (nếu có) vẫn giữ nguyên.

## /survey: learning-needs survey (issue 15 item 4, seed 001 §1)
cmd-survey = Khảo sát nhu cầu bồi dưỡng năm học tới
error-survey-none = Trường chưa mở khảo sát nhu cầu bồi dưỡng nào.
survey-how-to-open = Để mở khảo sát cho năm học tới, gõ /survey kèm hạn trả lời, ví dụ: <code>/survey 15/05/2027</code>
survey-closed = ⛔ Khảo sát đã hết hạn ngày { $deadline }; câu trả lời không đổi được nữa.
error-survey-closed = ⛔ Khảo sát đã hết hạn ngày { $deadline }; câu trả lời không đổi được nữa.
error-survey-deadline-past = Hạn trả lời phải từ hôm nay trở đi.
error-survey-not-for-you = Khảo sát nhu cầu bồi dưỡng dành cho giáo viên, tổ trưởng và cán bộ quản lý.
error-survey-bad-item = Lựa chọn này không có trong danh mục của bạn.
survey-bad-date = «{ $input }» không phải ngày hợp lệ. Gõ theo dạng ngày/tháng/năm, ví dụ: <code>/survey 15/05/2027</code>
survey-opened = 📝 Đã mở khảo sát nhu cầu bồi dưỡng năm học { $year }, hạn trả lời { $deadline }, và gửi lời mời tới { $count } người.
survey-invitation = 📝 Nhà trường khảo sát nhu cầu bồi dưỡng năm học { $year }. Hãy chọn các mô đun và nội dung bồi dưỡng khác bạn muốn học, trước ngày { $deadline }.
survey-reminder = 🔔 Bạn chưa trả lời khảo sát nhu cầu bồi dưỡng năm học { $year } (hạn { $deadline }). Bấm nút bên dưới để chọn.
survey-answer-button = 📝 Trả lời khảo sát
survey-my-answer = 📝 Câu trả lời của tôi
survey-answer-heading = 📝 <b>Nhu cầu bồi dưỡng năm học { $year }</b> (hạn { $deadline }). Bấm để chọn hoặc bỏ chọn; mỗi lần bấm được lưu ngay.
survey-answer-empty = Bạn chưa chọn nội dung nào.
survey-answer-chosen = Bạn đã chọn:
survey-saved = Đã lưu.
survey-other-thac-si = Thạc sĩ
survey-other-llct = Lý luận chính trị
survey-other-tin-hoc = Tin học
survey-other-ngoai-ngu = Ngoại ngữ
survey-totals-heading = 📊 <b>Khảo sát nhu cầu bồi dưỡng năm học { $year }</b> (hạn { $deadline })
survey-totals-heading-department = 📊 <b>Khảo sát nhu cầu bồi dưỡng năm học { $year }</b> — { $department } (hạn { $deadline })
survey-totals-answered = Đã trả lời: { $answered }/{ $surveyed } người
survey-totals-modules = <b>Mô đun</b>
survey-totals-none = (chưa ai chọn mô đun nào)
survey-totals-module = • { $code } { $title }: <b>{ $count }</b> người
survey-totals-others = <b>Bồi dưỡng khác</b>
survey-totals-other = • { $name }: <b>{ $count }</b> người
survey-totals-departments = <b>Theo tổ</b>
survey-totals-department = • { $name }: { $answered }/{ $surveyed } đã trả lời
survey-no-department = Chưa thuộc tổ
survey-export = 📊 Xuất Excel
survey-remind = 🔔 Nhắc người chưa trả lời ({ $count })
survey-remind-nobody = Mọi người đã trả lời.
survey-reminded = 🔔 Đã gửi lời nhắc tới { $count } người chưa trả lời.
survey-sheet-name = Tổng hợp
survey-sheet-departments = Theo tổ
survey-sheet-title = Tổng hợp nhu cầu bồi dưỡng năm học { $year }
survey-sheet-title-department = Tổng hợp nhu cầu bồi dưỡng năm học { $year } — { $department }
survey-sheet-answered = Đã trả lời: { $answered }/{ $surveyed } người
survey-col-code = Mã
survey-col-title = Nội dung bồi dưỡng
survey-col-count = Số người
survey-col-department = Tổ
survey-col-surveyed = Số người được hỏi
survey-col-answered = Đã trả lời
survey-file-name = khao-sat-nhu-cau.xlsx
