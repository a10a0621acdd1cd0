## Chung

error-apology = Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Bạn vui lòng thử lại sau ít phút.
flow-cancelled = Đã hủy. Gõ /help để xem các việc bot làm được.
flow-nothing-to-cancel = Không có thao tác nào đang dở để hủy.
flow-cancel-hint = <i>Gõ /cancel để hủy.</i>
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
    /cefr — chứng chỉ tiếng Anh đạt bậc nào, có đạt chuẩn không. Ví dụ: <code>/cefr ielts 6.5</code>, <code>/cefr toeic 650 150 120</code>
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
    Gõ một số (1, 2, ...) để bấm nút có số đó ở tin nhắn gần nhất.
    :file đường/dẫn/tệp.xlsx — gửi một tệp cho bot
    :quit — thoát (hoặc Ctrl-D)

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
result-final = ĐTB: <b>{ $average }</b> — xếp loại <b>{ $grade }</b>
result-final-no-average = Xếp loại <b>{ $grade }</b>

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
    Cách dùng: <code>/cefr ielts 6.5</code>, <code>/cefr toefl 61</code>, <code>/cefr fce 60</code>, <code>/cefr toeic 650 150 120</code> (Nghe &amp; Đọc, Nói, Viết).
    Thêm cấp dạy để so với chuẩn GV tiếng Anh: <code>/cefr ielts 6.0 thpt</code>. Gõ <code>/cefr</code> để bot hỏi từng bước.
cefr-error-unknown-exam = Mình không biết kỳ thi «{ $input }». Bot quy đổi được IELTS, TOEFL iBT, FCE và TOEIC 4 kỹ năng.
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
cefr-post-none-encouraged = { $post }: không bắt buộc chứng chỉ tiếng Anh; khuyến khích đạt chứng chỉ theo CEFR.
cefr-post-none = { $post }: không có chuẩn tiếng Anh.
cefr-post-standard = { $post }: theo tiêu chuẩn ngoại ngữ của chức danh được quy hoạch.
cefr-ask-exam = Bạn có chứng chỉ nào?
cefr-ask-exam-buttons = Bạn hãy chọn kỳ thi bằng các nút ở tin nhắn trên.
cefr-chosen-exam = Kỳ thi: { $exam }
cefr-ask-score-ielts = Điểm IELTS (overall) của bạn? Từ 0 đến 9, mỗi bậc 0,5 — ví dụ 6,5.
cefr-ask-score-toefl = Điểm TOEFL iBT của bạn? Từ 0 đến 120 — ví dụ 61.
cefr-ask-score-fce = Điểm FCE của bạn? Từ 0 đến 100 — ví dụ 60.
cefr-ask-score-toeic = Ba điểm TOEIC của bạn: Nghe &amp; Đọc (10–990), Nói (0–200), Viết (0–200), cách nhau bằng dấu cách — ví dụ <code>650 150 120</code>.
cefr-ask-post = Bạn muốn so với chuẩn của vị trí nào?
cefr-ask-post-buttons = Bạn hãy chọn vị trí bằng các nút ở tin nhắn trên, hoặc gõ /cancel.
cefr-skip-post = Bỏ qua
