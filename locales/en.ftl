## General

error-apology = Sorry, something went wrong while handling your request. Please try again in a few minutes.
flow-cancelled = Cancelled. Type /help to see what the bot can do.
flow-nothing-to-cancel = There is nothing in progress to cancel.
flow-cancel-hint = <i>Type /cancel to stop.</i>
unhandled-button = This button is out of date. Type /start to begin again.
unhandled-message = I did not understand that message. Type /help to see the commands.

## Commands (shown in Telegram's menu)

cmd-start = Start
cmd-cefr = Check an English certificate against CEFR
cmd-need = Work out the score you still need
cmd-lang = Change language (Tiếng Việt / English)
cmd-help = Help
cmd-cancel = Cancel what is in progress

## /start

start-welcome =
    Hello <b>{ $name }</b>! I am the teachers' <b>continuous training (BDTX)</b> assistant.

    I can help you:
    • check which CEFR level an English certificate (IELTS, TOEFL iBT, FCE, TOEIC) proves and whether it meets your post's standard;
    • work out the score you still need for the class Giỏi, Khá or Trung bình.

    Pick one below, or type /help.
start-button-cefr = 🎓 Check an English certificate
start-button-need = 🧮 What score do I need?
start-button-lang = 🌐 Ngôn ngữ / Language

## /help

help-public =
    The <b>BDTX assistant</b> helps teachers keep track of their yearly continuous training.

    <b>Open to everyone:</b>
    /cefr — which level an English certificate proves and whether it meets the standard. E.g. <code>/cefr ielts 6.5</code>, <code>/cefr toeic 650 150 120</code>
    /need — the score needed for each class. <code>?</code> marks a score you do not have yet, in the order ND1, ND2, then the modules. E.g. <code>/need 8 9 8 9 ? ?</code>
    /lang — change language
    /cancel — cancel what is in progress

    Type a command on its own and the bot asks step by step.

## /lang

lang-choose = Chọn ngôn ngữ / Choose your language:
lang-name-vi = Tiếng Việt
lang-name-en = English
lang-changed = Switched to English.

## Sandbox

sandbox-welcome =
    The BDTX assistant's sandbox: the real bot and real data (file { $path }), but the chat is right here, no Telegram needed.
    Type messages and commands as you would in Telegram, e.g. /start. Type :help to see how to press buttons and send files.
sandbox-help =
    Type a number (1, 2, ...) to press the button with that number on the latest message.
    :file path/to/file.xlsx — send a file to the bot
    :quit — leave (or Ctrl-D)

## Scores and classes (shared)

decimal-separator = .
source-line = <i>Source: { $source }</i>
component-nd1 = ND1
component-nd2 = ND2
component-module = Module { $n }
grade-Gioi = Giỏi (very good)
grade-Kha = Khá (good)
grade-TrungBinh = Trung bình (average)
grade-KhongHoanThanh = Không hoàn thành (plan not completed)
verdict-Dat = Đạt yêu cầu (pass)
verdict-KhongDat = Không đạt yêu cầu (fail)
reason-component-below-minimum = { $component } is { $score }, under { $minimum }, so not { $blocks }
reason-average-below = the average { $average } is under { $threshold }, so not { $blocks }
reason-best-average-below = even with 10 in every missing score, the best average is { $best }, under { $threshold }
reason-no-modules = the plan has no self-chosen (ND3) module, so not { $blocks }
score-error-not-a-number = "{ $input }" is not a score. A score is a number from 0 to 10, e.g. 8 or 8.5.
score-error-out-of-range = { $input } is outside the scale. A score is from 0 to 10.
score-error-too-many-decimals = { $input } has too many decimals. A score has at most two, e.g. 8.25.
result-final = Average: <b>{ $average }</b> — class <b>{ $grade }</b>
result-final-no-average = Class <b>{ $grade }</b>

## /need

need-usage =
    Usage: <code>/need ND1 ND2 module-1 module-2 ...</code> — <code>?</code> marks a score you do not have yet.
    E.g. <code>/need 8 9 8 9 ? ?</code>, or type <code>/need</code> and the bot asks step by step.
need-scores-line = ND1 <b>{ $nd1 }</b> · ND2 <b>{ $nd2 }</b> · Modules: <b>{ $modules }</b>
need-intro =
    { $count ->
        [1] The missing score must be at least:
       *[other] Each missing score ({ $count }) must be at least:
    }
need-line-need = • { $grade }: <b>{ $score }</b>
need-line-certain = • { $grade }: certain
need-line-out-of-reach = • { $grade }: out of reach — { $reason }
need-ask-nd1 = Your <b>ND1</b> score (0–10)? If you do not have it yet, press the button below.
need-ask-nd2 = Your <b>ND2</b> score (0–10)? If you do not have it yet, press the button below.
need-ask-count = How many self-chosen (ND3) modules are in your plan?
need-ask-count-buttons = Please press a number on the message above.
need-chosen-count = ND3 modules: { $count }
need-ask-module = Score of <b>module { $n }</b> (0–10)? If you do not have it yet, press the button below.
need-ask-score-again = Please type a score (e.g. 8.5) or press "No score yet".
need-button-unknown = No score yet

## /cefr

exam-ielts = IELTS
exam-toefl = TOEFL iBT
exam-fce = FCE
exam-toeic = TOEIC
exam-part-overall = overall
exam-part-listeningReading = Listening &amp; Reading
exam-part-speaking = Speaking
exam-part-writing = Writing
post-english-TH = English teacher, primary
post-english-THCS = English teacher, THCS
post-english-THPT = English teacher, THPT
post-english-GDTX = English teacher, GDTX
post-english-CD = English teacher, college
post-english-TCCN = English teacher, TCCN
post-manager = School manager
post-other-teacher = Teacher of another subject
post-staff = Staff
post-leadership-pipeline = Leadership pipeline
cefr-usage =
    Usage: <code>/cefr ielts 6.5</code>, <code>/cefr toefl 61</code>, <code>/cefr fce 60</code>, <code>/cefr toeic 650 150 120</code> (Listening &amp; Reading, Speaking, Writing).
    Add a school level to compare with an English teacher's standard: <code>/cefr ielts 6.0 thpt</code>. Type <code>/cefr</code> and the bot asks step by step.
cefr-error-unknown-exam = I do not know the exam "{ $input }". I can convert IELTS, TOEFL iBT, FCE and four-skill TOEIC.
cefr-error-unsupported-exam = "{ $input }" is not in the equivalence table; it has TOEFL iBT only (with IELTS, FCE and four-skill TOEIC).
cefr-error-not-a-number = "{ $input }" is not a { $part } score. { $part } goes from { $min } to { $max } in steps of { $step }.
cefr-error-out-of-range = { $input } is outside the { $part } scale: { $min } to { $max }.
cefr-error-wrong-step = { $part } has no score { $input }: scores go from { $min } to { $max } in steps of { $step }.
cefr-error-wrong-part-count = { $exam } needs { $expected } scores ({ $parts }); you sent { $got }.
cefr-hint-cambridge-scale = The equivalence table uses the old FCE scale (0–100), not the Cambridge English Scale (140–190).
cefr-result-level = <b>{ $score }</b> is <b>{ $level }</b> — level { $framework }/6 of the foreign-language framework.
cefr-limited-by = Held at this level by: { $parts }.
cefr-result-below = <b>{ $score }</b> is below the lowest level the table gives for this exam: { $level } (level { $framework }/6) needs { $minimum }.
cefr-compare = Compare with which post's standard? Press below.
cefr-post-meets = ✅ { $post } needs <b>{ $level }</b> (level { $framework }/6): <b>meets the standard</b>.
cefr-post-fails = ❌ { $post } needs <b>{ $level }</b> (level { $framework }/6): <b>does not meet the standard yet</b>.
cefr-alternatives = { $level } takes one of:
cefr-post-none-encouraged = { $post }: no English certificate is required; a CEFR certificate is encouraged.
cefr-post-none = { $post }: no English standard.
cefr-post-standard = { $post }: the language standard of the post they are planned for.
cefr-ask-exam = Which certificate do you have?
cefr-ask-exam-buttons = Please choose the exam with the buttons on the message above.
cefr-chosen-exam = Exam: { $exam }
cefr-ask-score-ielts = Your IELTS overall band? 0 to 9 in steps of 0.5 — e.g. 6.5.
cefr-ask-score-toefl = Your TOEFL iBT score? 0 to 120 — e.g. 61.
cefr-ask-score-fce = Your FCE score? 0 to 100 — e.g. 60.
cefr-ask-score-toeic = Your three TOEIC scores: Listening &amp; Reading (10–990), Speaking (0–200), Writing (0–200), separated by spaces — e.g. <code>650 150 120</code>.
cefr-ask-post = Compare with which post's standard?
cefr-ask-post-buttons = Please choose a post with the buttons on the message above, or type /cancel.
cefr-skip-post = Skip
