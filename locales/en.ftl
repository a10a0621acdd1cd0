## General

error-apology = Sorry, something went wrong while handling your request. Please try again in a few minutes.
flow-cancelled = Cancelled. Type /help to see what the bot can do.
flow-nothing-to-cancel = There is nothing in progress to cancel.
flow-cancel-hint = <i>Type /cancel to stop.</i>
flow-too-long = This question got too many answers that did not fit, so the bot closed it. Type the command again to start over.
flow-expired = The previous question waited over { $hours } hours, so the bot closed it; your last message was not used. Type the command again to start over.
flood = You are sending faster than the bot reads; it will skip your messages for about { $seconds } seconds. Then send again what you need.
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
    /cefr — which level an English certificate proves and whether it meets the standard. E.g. <code>/cefr ielts 6.5</code>, <code>/cefr toeic 650 150 120</code>, <code>/cefr ielts 6.5 tested 12/3/2025</code>
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
    Type a number (1, 2, ...) to press the button with that number on the bot's latest message; when that message has no buttons, the number is sent as an answer.
    :paste — start a message of several lines (a grade sheet, say); a line :end sends it
    :file path/to/file.xlsx — send a file to the bot
    :quit — leave (or Ctrl-D)
    :as Name — go on as another person (another Telegram account), e.g. :as Ms Lan
sandbox-switched = You are now { $name }.

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
result-final = Average: <b>{ $average }</b> — { $graded ->
    [no] <b>{ $grade }</b>
   *[yes] class <b>{ $grade }</b>
}
result-final-no-average = { $graded ->
    [no] Result: <b>{ $grade }</b>
   *[yes] Class <b>{ $grade }</b>
}

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
exam-vstep = VSTEP
exam-framework = Framework level
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
    Usage: <code>/cefr ielts 6.5</code>, <code>/cefr toefl 61</code>, <code>/cefr fce 60</code>, <code>/cefr toeic 650 150 120</code> (Listening &amp; Reading, Speaking, Writing), <code>/cefr vstep 6.5</code>, a certificate on the 6-level framework: <code>/cefr level 4</code>.
    Add a school level to compare with an English teacher's standard: <code>/cefr ielts 6.0 thpt</code>; add the test date to see whether it is still valid: <code>/cefr ielts 6.5 tested 12/3/2025</code>. Type <code>/cefr</code> and the bot asks step by step.
cefr-error-unknown-exam = I do not know the exam "{ $input }". I can convert IELTS, TOEFL iBT, FCE, four-skill TOEIC, VSTEP and certificates on the 6-level framework.
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
cefr-alternative-off-step = { $score } (the table writes { $written }, but { $parts } scores go in steps of { $step })
cefr-post-none-encouraged = { $post }: no English certificate is required; a CEFR certificate is encouraged.
cefr-post-none = { $post }: no English standard.
cefr-post-standard = { $post }: the language standard of the post they are planned for.
cefr-ask-exam = Which certificate do you have?
cefr-ask-exam-buttons = Please choose the exam with the buttons on the message above.
cefr-chosen-exam = Exam: { $exam }
cefr-ask-score-ielts = Your IELTS overall band? 0 to 9 in steps of 0.5 — e.g. 6.5.
cefr-ask-score-toefl = Your TOEFL iBT score? 0 to 120 — e.g. 61.
cefr-ask-score-fce = Your FCE score? 0 to 100 — e.g. 60.
cefr-ask-score-vstep = Your VSTEP (levels 3–5) score? From 0 to 10 in steps of 0.5 — e.g. 6.5.
cefr-ask-score-framework = Which level of the 6-level framework does your certificate state? From 1 to 6 — e.g. 4.
cefr-ask-score-toeic = Your three TOEIC scores: Listening &amp; Reading (10–990), Speaking (0–200), Writing (0–200), separated by spaces — e.g. <code>650 150 120</code>.
cefr-ask-post = Compare with which post's standard?
cefr-ask-post-buttons = Please choose a post with the buttons on the message above, or type /cancel.
cefr-skip-post = Skip
cefr-post-not-required = { $post }: no language certificate required since { $since }; being able to use a foreign language in some assigned tasks is enough.
cefr-standard-on = Standards in force on { $date }:
cefr-valid-until = 📅 Tested on { $tested }: valid until the end of <b>{ $until }</b> (the { $exam } test owner reports results as valid for { $years } years from the test day).
cefr-valid-expired = 📅 Tested on { $tested }: <b>over { $years } years old</b> (since { $since }) — the receiving body may not accept it.
cefr-valid-no-expiry = 📅 Tested on { $tested }: the { $exam } certificate has no expiry date; a receiving body may set its own requirement.
cefr-valid-user-decides = 📅 Tested on { $tested }: how long the certificate counts is up to the body that uses it (where you submit it).
cefr-validity-source = <i>Validity per: { $source }</i>
cefr-date-hint = Add the test date to see whether the certificate is still valid, e.g. <code>/cefr ielts 6.5 tested 12/3/2025</code>.
cefr-ask-date = You may add the test date to see whether it is still valid — e.g. <code>6.5 12/3/2025</code>.
cefr-error-not-a-date = "{ $input }" is not a real date. Write the test date as day/month/year, e.g. 12/3/2025.
cefr-error-future-date = The test date { $date } has not come yet (today is { $today }). Please give the day you took the test.

## Service errors (shared)

error-unknown = The bot could not do this; nothing was changed. Please try again in a few minutes, and tell your school's admin if it still fails.
error-command-for = { $command } is for { $who }. Nothing was changed.
role-plural-teacher = teachers
role-plural-head = heads of department
role-plural-manager = managers (principals)
role-plural-admin = the school's admins (steering committee)
role-plural-staff = staff
role-plural-owner = owners of the deployment
error-forbidden = You may not do this. Nothing was changed.
error-not-linked = Your Telegram account is not linked to a school yet. Open the invite link your school sent you.
error-not-found = { $entity } not found.
error-invalid-input = { $fields ->
        [none] Some information is not valid; nothing was changed.
       *[other] Some information is not valid: { $fields }. Nothing was changed.
    }
field-fullName = full name (2–100 characters)
field-adminName = the admin's full name (2–100 characters)
field-name = name
field-title = title
field-titleVi = the deadline's title (2–200 characters)
field-titleEn = the deadline's English title (2–200 characters)
field-dueDate = due date
field-opensOn = start date
field-planDeadline = plan deadline
field-approvalDeadline = approval deadline
field-reason = reason
field-subject = subject
field-level = level
field-role = role
field-content = the announcement's text
error-no-recipients = Nobody in this group can receive messages from the bot yet: { $withoutTelegram } people have not opened their invite link. Type /unreachable to see who and get invite links to pass on (or /invite).
error-not-draft = This announcement was already sent or cancelled. Type /broadcast to write a new one.
error-finished = This announcement has finished sending or was stopped.
error-wrong-school = The department or person chosen is not in this school. Nothing was changed.
error-date-order = The start ({ $opensOn }) must come before the deadline ({ $dueDate }). Nothing was changed.
error-outside-year = { $date } is outside the school year ({ $from } – { $to }). Nothing was changed.
error-record-invalid = The record has errors, so nothing was saved. Please correct it and send it again.
error-deadline-required = This is the year's plan or approval deadline, so it cannot be removed; you can move it with /deadline move.
entity-school = School
entity-school-year = School year
entity-department = Department
entity-person = Person
entity-invite = Invite
entity-join-request = Join request
entity-module = Module
entity-plan = Plan

## Roles, levels

role-teacher = Teacher
role-head = Head of department
role-manager = School manager (principal/vice principal)
role-admin = BDTX steering committee (school admin)
role-staff = Staff
level-MN = Preschool
level-TH = Primary
level-THCS = Lower secondary
level-THPT = Upper secondary
level-GDTX = Continuing education
level-CD = College
level-TCCN = Vocational secondary
level-QL = School managers
flow-use-buttons = Please choose with the buttons on the message above, or type /cancel.
cmd-plan = My BDTX plan
cmd-modules = Module catalogue
cmd-approve = Approve plans
cmd-invite = Make an invite link
cmd-people = Staff list
cmd-departments = Departments
cmd-import = Import a list from Excel/CSV
cmd-deadlines = Deadlines
cmd-schools = Schools
cmd-me = My profile

## Joining (invite links)

setup-owner-welcome = You are now an <b>owner</b> of this deployment. Type /schools to add a school and invite its admin.
join-invite-for-person = An invite to <b>{ $school }</b>{ $inDepartment }, role { $role }, for <b>{ $name }</b>. Is that you?
join-confirm-me = Yes, I am { $name }
join-pick-name = An invite to <b>{ $school }</b> (<b>{ $department }</b>), role { $role }. Please choose your name:
join-no-names = An invite to <b>{ $school }</b> (<b>{ $department }</b>), role { $role }. Nobody is waiting on the list; press the button below to enter your name.
join-not-listed = My name is not on the list
join-use-buttons = Please choose with the buttons on the message above.
join-ask-name = Please type your full name, e.g. Nguyễn Văn An.
join-welcome = Welcome <b>{ $name }</b>! You have joined <b>{ $school }</b>{ $inDepartment } as { $role }.
join-notify-inviter = <b>{ $name }</b> joined with your invite link ({ $role }).
join-ask-level = Which school level do you teach?
join-level-set = School level: { $level }
join-ask-subject = Which subject do you teach? (e.g. Maths, Literature, English)
join-done-teacher = Done! Type /plan to register this year's self-chosen modules.
join-done-head = Done! Type /plan for your own modules, /approve to approve your department's plans, /invite to invite its teachers.
join-done-manager = Done! Type /plan to register the managers' modules.
join-done-admin = Done! Type /departments to create departments, /invite to invite heads and teachers, /import to import a list from a file.
join-done-staff = Done! Type /help to see what the bot can do.
join-pick-needs-approval = If you pick a name from the list, the head of department or the school's BCĐ will confirm it before your account is linked to that name.
join-request-sent = ⏳ Request sent: you are <b>{ $name }</b>, { $school }{ $inDepartment }. The head of department or the school's BCĐ will confirm it, and the bot will tell you as soon as they do. Meanwhile you can still use /cefr and /need.
join-request-waiting = ⏳ Your request to be <b>{ $name }</b> is still waiting for the head of department or the BCĐ. The bot will tell you as soon as they answer.
join-request-ask =
    🙋 The Telegram account <b>{ $telegram }</b> asks to be <b>{ $name }</b> ({ $role }) at { $school }{ $inDepartment }, through the department's shared invite link.
    If it really is { $name }, press <b>Approve</b> to link the account. If you are not sure, press <b>Reject</b> and send them a personal invite link (/unreachable).
join-request-approve = ✅ Approve
join-request-reject = ❌ Reject
join-request-approved-by = ✅ Approved: the account <b>{ $telegram }</b> is <b>{ $name }</b>.
join-request-rejected-by = ❌ Rejected: the account <b>{ $telegram }</b> may not take the name <b>{ $name }</b>.
join-request-approved = ✅ Your request was confirmed. Welcome, <b>{ $name }</b>! You have joined <b>{ $school }</b>{ $inDepartment } as { $role }.
join-request-missing = Press the button below to give your level and subject.
join-request-continue = ▶️ Finish my details
join-request-rejected = The head of department or the BCĐ did not confirm that you are <b>{ $name }</b>, so your account was not linked. If this is a mistake, please ask them for a personal invite link.

## /plan

plan-title = <b>BDTX plan { $year }</b> — { $name }
plan-status = Status: <b>{ $status }</b>
plan-status-draft = Draft
plan-status-submitted = Submitted, waiting for approval
plan-status-head_approved = Approved by the head, waiting for the school
plan-status-approved = Approved by the school
plan-status-returned = Returned for changes
plan-returned-reason = Returned because: <i>{ $reason }</i>
plan-fixed-contents = ND1: { $nd1 } periods · ND2: { $nd2 } periods (required)
plan-nd3-heading = <b>ND3 — self-chosen modules:</b>
plan-no-modules = (no module yet)
plan-hours = ND3: <b>{ $nd3 }/{ $required } periods</b> · Whole year: { $total }/{ $requiredTotal } periods
plan-valid = ✅ The plan is valid and can be submitted.
plan-valid-sent = ✅ The plan is valid.
plan-level-missing = Your school level is not known, so modules cannot be chosen yet. Type /me, or ask the school admin to update it.
plan-deadline = Registration closes: { $date }
plan-deadline-passed = Registration closed on { $date }; only the school admin can change the plan.
plan-button-add = ➕ Add a module
plan-button-submit = 📤 Submit for approval
plan-button-back = ↩️ Back to the plan
plan-pick-module = Choose a module ({ $catalogue }), page { $page }/{ $pages }. { $nd3 }/{ $required } periods so far.
plan-catalogue-empty = There is no module of the { $catalogue } catalogue under this school year's regulation ({ $profile }): the official list is not in the bot yet. The deployment's owner can import a module list with /import.
plan-manager-programme-missing = ⚠️ This year's managers' programme ({ $source }) is written for managers of { $levels } schools, not yet for { $level }. Only modules the deployment imported can be chosen; follow the Phòng's or Sở's guidance.
plan-added = Module added.
plan-remove-confirm = ❓ Remove <b>{ $code }</b> — { $title } ({ $hours } periods) from the plan?
plan-button-remove-confirm = 🗑 Remove { $code }
plan-button-keep = ↩️ Keep it
plan-remove-not-now = This plan cannot be changed now.
plan-removed = Module removed.
plan-submitted = Plan submitted. You will get a message when it is approved or returned.
plan-notify-submit-head = 📥 <b>{ $owner }</b> submitted a BDTX plan for your approval. Type /approve to see it.
plan-notify-submit-admin = 📥 <b>{ $owner }</b> submitted a BDTX plan for the school's approval. Type /approve to see it.
plan-notify-approve-owner = ✅ Your BDTX plan was approved by <b>{ $actor }</b>. Status: { $status }.
plan-notify-approve-admin = 📥 <b>{ $owner }</b>'s BDTX plan was approved by the head { $actor } and waits for the school. Type /approve to see it.
plan-notify-return-owner = ↩️ Your BDTX plan was returned by <b>{ $actor }</b>. Reason: <i>{ $reason }</i>. Type /plan to fix and resubmit it.
plan-notify-reopen-owner = ↩️ Your BDTX plan was reopened for changes by <b>{ $actor }</b>. Reason: <i>{ $reason }</i>. Type /plan.
plan-notify-changed = <b>{ $owner }</b>'s BDTX plan: { $status }.

## /approve

approve-nothing = No plan is waiting for your approval.
approve-heading = <b>Plans waiting ({ $count }):</b>
approve-item = { $n }. <b>{ $name }</b> — { $department } — { $modules } ({ $hours } periods) — { $step }
approve-step-head = waiting for the head
approve-step-school = waiting for the school
approve-more = … and { $count } more; approve some, then type /approve again.
approve-button-return = ↩️ Return
approve-ask-reason = Please type why the plan is returned (the teacher will read it):
approve-returned = { $name }'s plan was returned.
approve-done = { $to ->
    [head_approved] { $name }'s plan approved; it goes on to the school for approval.
   *[other] { $name }'s plan approved.
}

## Schools, departments, invites, profile

schools-heading = <b>Schools ({ $count }):</b>
schools-button-new = ➕ Add a school
schools-ask-name = The school's name? (e.g. Trường THPT Nguyễn Trãi)
schools-ask-admin = Full name of the school's first admin? (type - if not known yet)
schools-created =
    Created <b>{ $school }</b>, school year { $year } (plans due { $planDeadline }, approval due { $approvalDeadline }).
    Send this link to the school's admin:
    { $link }
    (or the code <code>{ $code }</code>, valid until { $expires })
departments-heading = <b>Departments of { $school } ({ $count }):</b>
departments-button-new = ➕ Add a department
departments-ask-name = The department's name? (e.g. Tổ Toán – Tin)
departments-button-rename = ✏️ Rename a department
departments-button-merge = 🔗 Merge two departments
departments-ask-rename = Which department gets a new name?
departments-ask-new-name = The new name of <b>{ $name }</b>?
departments-renamed = Renamed <b>{ $from }</b> to <b>{ $to }</b>.
departments-ask-merge-from = Which department joins another? (the one chosen here leaves the list)
departments-ask-merge-into = Merge <b>{ $from }</b> into which department?
departments-merge-confirm = Merge <b>{ $from }</b> into <b>{ $into }</b>: everyone in { $from } moves to { $into } with their plans, scores and accounts; { $from }'s invite links and deadlines follow; the name { $from } goes. Merge?
departments-button-merge-confirm = ✅ Merge
departments-merged = Merged <b>{ $from }</b> into <b>{ $into }</b>: { $moved } people moved.
departments-admin-only = Only the school's admin can rename or merge departments. Nothing was changed.
departments-need-two = There is no other department to choose. Add one with «➕ Add a department» in /departments.
nothing-changed = Cancelled; nothing was changed.
error-merge-self = <b>{ $name }</b> cannot be merged into itself. Choose two different departments.
departments-created = <b>{ $name }</b> added to the departments.
invite-ask-role = Invite someone with which role?
invite-ask-department = In which department?
invite-no-departments = The school has no department yet. Type /departments to add one first.
invite-ask-kind = A link for one person or for the whole department?
invite-kind-single = One person (single use)
invite-kind-department = The whole department (many uses)
invite-made-single =
    Invite link ({ $role }), single use, valid until { $expires }:
    { $link }
    Or the code: <code>{ $code }</code>
invite-made-department =
    Invite link for the department ({ $role }), valid until { $expires }:
    { $link }
    Or the code: <code>{ $code }</code>
me-owner = You are an owner of this deployment (not in a school). Type /schools.
me-profile =
    <b>{ $name }</b>
    Role: { $role }
    School: { $school }
    Department: { $department }
    School level: { $level }
    Subject: { $subject }
people-heading = <b>Staff ({ $count }):</b>
people-more = … and { $count } more.
people-legend = ✓ uses the bot · does not yet

## Service errors: invites, plans

error-setup-unknown = That setup code is not right.
error-setup-used = That setup code has been used.
error-setup-closed = This deployment has an owner; the setup code no longer works.
error-setup-expired = That setup code has expired (it works for 24 hours). Restart the bot to get a fresh one.
error-join-request-decided = This request has already been answered.
error-approval-needed = This name is already on the list, so the head of department or the BCĐ must confirm it before the account is linked.
error-no-request-needed = This invite needs no confirmation: open the link again to join.
error-owner-self = You cannot revoke your own owner's rights; another owner can.
error-last-owner = The deployment must always keep at least one owner.
error-not-an-owner = That account is not (or no longer) an owner.
error-owner-from-config = This owner is set in the server's configuration (OWNER_TELEGRAM_IDS): remove the id there and restart the bot, or the next start makes them an owner again.
error-invite-unknown = That invite code is not right. Please check the link or code your school sent.
error-invite-expired = The invite link expired ({ $expiresAt }). Please ask your school for a new one.
error-invite-used = This invite link has been used. Please ask your school for a new one.
error-invite-revoked = This invite link was revoked. Please ask your school for a new one.
error-already-linked = This Telegram account is already linked to someone. Type /me to see.
error-person-unavailable = That person cannot use this invite (already linked, or in another department).
error-department-required = The role { $role } needs a department.
error-duplicate-name = "{ $name }" exists already.
error-unknown-level = Unknown school level "{ $value }". Levels: { $expected }.
error-plan-locked = The plan is "{ $status }", so it cannot be changed.
error-deadline-passed = Registration closed on { $deadline }; only the school admin can change the plan.
error-level-missing = Your school level is not known, so modules cannot be chosen yet.
error-module-not-in-plan = That module is not in the plan.
error-plan-invalid = The plan cannot be submitted yet: ND3 has { $totalHours }/{ $requiredHours } periods.
error-wrong-status = The plan is "{ $status }", so this cannot be done.
error-no-plan-for-role = Your role has no BDTX plan.
error-no-current-year = The school has no current school year.
error-deadline-order = The school's approval deadline ({ $approvalDeadline }) must come after the teachers' plan deadline ({ $planDeadline }), to leave time for approval. Nothing was changed.
error-unknown-module = There is no module { $moduleCode } in the catalogue.
error-wrong-catalogue = Module { $moduleCode } is in the { $moduleCatalogue } catalogue, not your { $catalogue } one.
error-duplicate-module = Module { $moduleCode } is in the plan already.
error-hours-below-required = ND3 has { $totalHours }/{ $requiredHours } periods; register { $missingHours } more.

## Sandbox: setup

sandbox-setup = This deployment has no owner yet. Type { $command } to become its owner, then /schools to add a school.

## /modules

modules-choose-level =
    <b>The continuous training module catalogue</b>
    Choose a school level to see its modules (QL: the catalogue for school managers).
    You can also search by code or by words, with or without Vietnamese accents: <code>/modules thpt17</code>, <code>/modules đánh giá</code>.
modules-level-button = { $level } · { $count }
modules-level-MN = Preschool (MN)
modules-level-TH = Primary (TH)
modules-level-THCS = THCS
modules-level-THPT = THPT
modules-level-GDTX = GDTX
modules-level-CD = College (CĐ)
modules-level-TCCN = TCCN
modules-level-QL = Managers (QL)
modules-list-level =
    <b>Module catalogue: { $level }</b> — { $total ->
        [one] { $total } module
       *[other] { $total } modules
    }
modules-list-search =
    <b>Search for “{ $query }”</b>: { $total ->
        [one] { $total } module
       *[other] { $total } modules
    }
modules-list-line = • <b>{ $code }</b> — { $title } ({ $hours } periods)
modules-list-page = Page { $page }/{ $pages }. Tap a module to see its contents, goals and hours.
modules-level-empty = The { $level } catalogue has no modules yet. The deployment's owners can import one from an Excel file with /import.
modules-search-none =
    No module matches “{ $query }”.
    Try a module code (e.g. <code>/modules thpt17</code>) or fewer words; accents are optional. Type /modules to browse by school level.
modules-search-expired = These search results are out of date. Please type /modules with your words again.
modules-page-answer = Page { $page }/{ $pages }
modules-button-back = ◀ Back to the list
modules-button-levels = 📚 Another school level
modules-card-title = <b>{ $code } — { $title }</b>
modules-card-source = <i>{ $level } catalogue · programme of { $source }</i>
modules-card-area = Area: { $area }
modules-card-contents = <b>Main contents</b>
modules-card-goals = <b>Goals</b>
modules-card-none = <i>(none yet)</i>
modules-card-hours = <b>Hours:</b> { $total } periods
modules-card-hours-split = <b>Hours:</b> { $total } periods ({ $split })
modules-hours-theory = theory { $n }
modules-hours-practice = practice { $n }
modules-hours-self-study = self-study { $n }

## /import

import-not-allowed = Only the school's BDTX steering committee (BCĐ) can import the staff list from a file (the module catalogue is imported by the deployment's owners). If you need an import, please ask your school's BCĐ.
import-choose = What would you like to import?
import-choose-buttons = Please choose with the buttons on the message above.
import-kind-staff = Staff and teacher list
import-kind-catalogue = Module catalogue
import-catalogue-owners-note = The module catalogue is shared by every school, so only the deployment's owners can add to it or change it. To add modules, please send the file to an owner.
import-chosen = Importing: <b>{ $kind }</b>
import-ask-file-staff =
    Send the staff and teacher list of <b>{ $school }</b> as an <b>.xlsx</b> or <b>.csv</b> file (attached as a file).
    The header row needs these columns (Vietnamese or English names):
    • <b>Họ và tên</b> / Full name (required)
    • <b>Vai trò</b> / Role (required): giáo viên, tổ trưởng, hiệu trưởng, phó hiệu trưởng, BCĐ, nhân viên
    • <b>Tổ</b> / Department: required for teachers and heads; new departments are created
    • <b>Cấp học</b> / Level: MN, TH, THCS, THPT, GDTX, CĐ, TCCN
    • <b>Môn</b> / Subject
    Upper or lower case, with or without accents; a school name or title above the header row is fine.
import-ask-file-catalogue =
    Send the module catalogue as an <b>.xlsx</b> or <b>.csv</b> file (attached as a file).
    The header row needs these columns (Vietnamese or English names):
    • <b>Mã mô đun</b> / Code (required), e.g. THPT 17
    • <b>Cấp học</b> / Level, when the code does not tell: MN, TH, THCS, THPT, GDTX, CĐ, TCCN, QL
    • <b>Tên mô đun</b> / Title and <b>Nội dung chính</b> / Contents, or one column <b>Tên và nội dung chính của mô đun</b>
    • <b>Mục tiêu bồi dưỡng</b> / Goals
    • <b>Tổng số tiết</b> / Total, <b>Lý thuyết</b> / Theory, <b>Thực hành</b> / Practice, <b>Tự học</b> / Self study
    • <b>Thông tư</b> / Source: the circular of the programme (empty: the level's own)
    The catalogue is shared by every school: a module already in it is updated from the file.
import-send-document = Please send an .xlsx or .csv file (attached as a file), or type /cancel to stop.
import-send-again = Please check it and send another file, or type /cancel to stop.
import-preview-title = <b>Preview of “{ $file }”</b>
import-preview-staff = { $rows } rows read: { $create } new, { $update } already known (will be updated).
import-preview-catalogue = { $rows } rows read: { $create } new modules, { $update } to be changed, { $unchanged } unchanged.
import-preview-new-departments = New departments to be created: { $names }.
import-preview-ok = ✅ No errors. Tap <b>Save</b> to save it all, or <b>Cancel</b>.
import-preview-errors =
    ❌ { $count ->
        [one] 1 error
       *[other] { $count } errors
    } in { $rows ->
        [one] 1 row
       *[other] { $rows } rows
    }; <b>nothing was saved</b>:
import-error-line = • Row { $row }, column “{ $column }”: { $problem }
import-error-line-row = • Row { $row }: { $problem }
import-preview-more = … and { $count } more.
import-fix-and-resend = Please fix these rows in the file and send the whole file again (or type /cancel to stop).
import-preview-empty = The file has no data rows under its header row (row { $header }). Please check it and send another file.
import-button-save = ✅ Save
import-button-cancel = Cancel
import-confirm-buttons = Please tap <b>Save</b> or <b>Cancel</b> on the message above, or send another file to preview it.
import-cancelled = Cancelled; nothing was saved.
import-saved-staff = ✅ Saved: { $created } new people, { $updated } updated, { $departments } new departments.
import-saved-catalogue = ✅ Saved: { $created } new modules, { $updated } changed, { $unchanged } unchanged. Type /modules to see them.
import-document-hint = To import a list from a file, type /import first and then send the file.
import-row-required = is empty; it must be filled in.
import-row-too-long = is too long: at most { $max } characters.
import-row-too-short = “{ $value }” is too short: at least { $min } characters.
import-row-unknown-role = “{ $value }” is not a role the bot knows. Write one of: { $expected }.
import-row-unknown-level = “{ $value }” is not a school level. Write one of: { $expected }.
import-row-department-required = teachers and heads need a department.
import-row-duplicate-row = “{ $value }” repeats row { $firstRow }.
import-row-not-a-number = “{ $value }” is not a number of periods. Write a whole number, e.g. 15.
import-row-out-of-range = the number of periods must be from { $min } to { $max }.
import-row-hours-mismatch = the total is { $total } periods but theory + practice + self-study add up to { $sum }.
import-row-invalid-code = “{ $value }” is not a module code. A code has letters and a number, e.g. THPT 17.
import-row-level-required = the module's school level is not known. Write the level, one of: { $expected }.
import-row-level-code-mismatch = level “{ $value }” does not match the module code (the code belongs to { $expected }).
import-row-module-exists = module { $value } is already in the catalogue with other contents; only the deployment's owners can change an existing module.
error-file-unsupported = The bot cannot read “{ $fileName }”. Please send an Excel (.xlsx) or .csv file; an old .xls file can be opened in Excel and saved as .xlsx.
error-file-unreadable = The { $format } file could not be opened: it may be damaged or password-protected. Please open it in Excel, save it again and resend it.
error-file-too-large = The file is too large: the bot accepts files of at most { $maxMb } MB. A whole school's staff list or a year's grade sheet is usually a few hundred KB; please remove pictures, extra sheets or split the file and send it again.
error-file-encoding = This CSV file is not saved as UTF-8 ({ $encoding ->
        [utf-16] it is Unicode/UTF-16
       *[other] it is in an old code page such as Windows-1258
    }), so accented letters would be read wrongly. Nothing was saved. Open it in Excel, choose <b>Save As</b>, file type <b>CSV UTF-8 (Comma delimited)</b>, and send it again — or send the Excel .xlsx file itself.
error-file-empty = The file has no data.
error-too-many-rows = The file has more than { $maxRows } rows, more than an import may have. Please split it into smaller files.
error-too-many-columns = Row { $row } has more than { $maxColumns } cells, more than a list or a grade sheet needs. Please delete the extra columns and send it again.
error-too-many-cells = The file has more than { $maxCells } cells of data, more than an import may have. Please remove extra sheets or columns, or split the file, and send it again.
error-cell-too-long = Row { $row } has a cell longer than { $maxChars } characters. Please check the file and send it again.
error-file-unpacks-too-large = Unpacked, the .xlsx file is larger than { $maxMb } MB, too large for a list or a grade sheet (it may be damaged or deliberately inflated). Please open it in Excel, remove extra data, save it and send it again.
error-file-too-heavy = The file is too heavy: the bot could not read it within { $seconds } seconds and { $heapMb } MB of memory. Please remove extra data or split the file and send it again.
error-columns-missing = The header row has no column { $expected } (the bot looks at the first 20 rows). Please add these columns and send the file again.
error-preview-has-errors = The file still has { $count } errors, so nothing was saved. Please fix them and send the file again.
error-catalogue-owners-only = The module catalogue is shared by every school, so only the deployment's owners can add to it or change it. To add modules, please send the file to an owner.
error-preview-mismatch = This preview is not of your school, so it cannot be saved. Please type /import and send the file again.

## /setdeadline

cmd-setdeadline = Set the plan and approval deadlines
deadline-usage =
    School year { $year }: plans due <b>{ $planDeadline }</b>, school approval due <b>{ $approvalDeadline }</b>.
    To change: <code>/setdeadline 07/09/2026</code> (plans) or <code>/setdeadline 07/09/2026 14/09/2026</code> (approval too).
deadline-bad-date = "{ $input }" is not a valid date. Write it day/month/year, e.g. 07/09/2026.
deadline-set = Set for { $year }: plans due <b>{ $planDeadline }</b>, approval due <b>{ $approvalDeadline }</b>.

## /help by role

help-not-linked = Teachers: open the <b>invite link</b> your school sent to join, then register your BDTX plan right here.
help-role-owner =
    <b>Deployment owner:</b>
    /schools — the schools; add one and invite its admin
    /broadcast — send an announcement · /import — import the module catalogue from a file
    /owners — the deployment's owners; revoke one
help-role-teacher =
    <b>Teacher:</b>
    /plan — register self-chosen modules (ND3) and submit them
    /scores — scores, class and the score still needed
    /deadlines — deadlines and what is still to do
    /modules — the module catalogue · /me — my profile
help-role-head =
    <b>Head of department:</b>
    /approve — approve the department's plans · /grades — enter the team's scores (one message or an Excel file)
    /team — the department's score table · /invite — invite teachers · /people — the department's teachers
    /plan, /scores, /deadlines — your own · /modules — the module catalogue · /records — the department's qualification records (read only)
help-role-manager =
    <b>School manager:</b>
    /plan — register the managers' modules · /scores — pass or fail
    /deadlines — deadlines · /modules — the module catalogue · /me — my profile
help-role-admin =
    <b>School admin (steering committee):</b>
    /departments — departments · /invite — invite links · /people — staff list · /import — import a list from a file
    /approve — approve plans · /grades — enter scores (managers too) · /team — score table
    /deadlines and /deadline — the year's calendar · /setdeadline — plan and approval deadlines
    /broadcast — send an announcement · /lockresults — lock the year's results
    /records — qualification records (template, import) · /record — update one person · /standards — who falls short, master's/doctorate ratios
help-role-staff =
    <b>Staff:</b>
    /modules — the module catalogue · /me — my profile

## BDTX results (/scores, notifications)

scores-pending =
    { $count ->
        [1] Not final yet: 1 score is missing.
       *[other] Not final yet: { $count } scores are missing.
    }
scores-no-approved-plan = No class yet: the BDTX plan has not been approved by the school.

## /grades, /scores, /team

cmd-grades = Enter the department's BDTX scores
cmd-scores = My scores and class
cmd-team = The department's score table
cmd-lockresults = Lock the year's results
cmd-unlockresults = Unlock the year's results
grades-intro =
    Send the scores in <b>one message</b>, a line per teacher, in the order ND1, ND2, then the modules of the approved plan:
    <code>Nguyễn Văn An: 8 9 8,5 9 7 8</code>
    <code>Trần Thị Bình | 7 | 6.5 | 8 | 8</code>
    or paste a table from Excel. A first line naming the columns (<code>Họ tên, ND1, ND2, { $modules }</code>) sets another order. An empty cell or <code>-</code> keeps the stored score.
    Or download the Excel template, fill it in and send the file back.
grades-intro-module-codes = the module codes, ...
grades-button-template = 📥 Download the Excel template
grades-not-for-you = Entering grades is for heads of department (their own) and the school's BDTX board. Your own scores: /scores.
grades-template-caption = BDTX score template for { $year }. Fill in the cells and send this file back.
grades-template-left-out = Not in the file (plan not approved yet): { $names }
grades-send-lines-or-file = Please send the score lines or an Excel/CSV file, or type /cancel.
grades-send-first = Please send the scores first.
grades-preview-heading = <b>Preview of the BDTX scores { $year }</b>: { $lines } lines, { $ok } read, { $changed } with changes ({ $changes } scores), { $errors } errors.
grades-preview-pending =
    { $count ->
        [1] not final (1 missing)
       *[other] not final ({ $count } missing)
    }
grades-average = average
grades-preview-more = … and { $count } more lines.
grades-preview-errors = <b>Errors ({ $count }):</b>
grades-preview-more-errors = … and { $count } more errors.
grades-fix-and-resend = Nothing was saved. Please fix the lines above and send the whole message (or file) again.
grades-nothing-changes = No score changes, so there is nothing to save.
grades-confirm = Press <b>Save</b> to save every line above.
grades-button-save = ✅ Save
grades-button-cancel = Cancel
grades-button-undo = ↩️ Undo this entry
grades-cancelled = Cancelled; no score was saved.
grades-saved = Saved { $lines } lines ({ $changes } scores). { $told } people were told.
grades-unreachable = Not told (not using the bot yet): { $names }
grades-undone = Undone: { $restored } scores put back as they were; { $told } people were told.
grades-locked = The results of { $year } are locked: no more entries or undos.
grades-unlocked = The results of { $year } are unlocked.
grades-no-plan = no plan
grades-notice = 📊 <b>Your BDTX result for { $year } was just updated:</b>
grades-error-where = Line { $line }
grades-error-where-cell = Line { $line }, column { $column }
grades-error-where-column = Line { $line }, column { $column }
grades-column-name = name
grades-column-id = ID
grades-error-missing-name = the line has scores but no name.
grades-error-unknown-name = "{ $input }" is not on the list{ $suggestions ->
        [none] .
       *[other] {""} (similar: { $suggestions }).
    }
grades-error-ambiguous-name = several people are called "{ $input }": { $candidates }. Please write more of the name.
grades-error-duplicate-teacher = "{ $input }" is already on line { $firstLine }.
grades-error-not-in-your-department = "{ $input }" is in { $department }, not your department.
grades-error-not-gradable = "{ $input }" is { $role } and is not graded here.
grades-error-own-scores = nobody enters their own scores.
grades-error-unknown-id = the code "{ $input }" is not in the school.
grades-error-name-id-mismatch = the code and the name disagree (the code is { $name }).
grades-error-no-approved-plan = "{ $input }" has no approved plan ({ $status }).
grades-error-too-many-scores = too many scores: { $expected } expected ({ $columns }), { $got } given.
grades-error-too-few-scores = too few scores: { $expected } expected ({ $columns }), { $got } given. Use <code>-</code> for a score kept as it is.
grades-error-unknown-column = unknown column heading "{ $input }" (the modules: { $modules }).
grades-error-duplicate-column = column "{ $input }" repeats column { $firstColumn }.
grades-error-name-column-missing = the heading has no name column.
grades-error-module-not-in-plan = a score for a module that is not in the plan (the plan has: { $modules }).
scores-heading = <b>BDTX scores { $year }</b> — { $name }
team-heading = <b>BDTX score table { $year }</b> — { $department } ({ $count } people)
team-whole-school = whole school
team-pending = not final
team-no-plan = no approved plan
team-counts = Giỏi { $gioi } · Khá { $kha } · TB { $tb } · Not completed { $khong } · Not final { $pending } · No approved plan { $noPlan }
team-counts-managers = Managers: pass { $dat } · fail { $khongDat } · no result yet { $pending }
team-locked = 🔒 The year's results are locked.
error-results-locked = The results of { $schoolYearName } are locked; scores can no longer change.
error-school-required = Please say which school or department.
error-empty-batch = The message has no score line.
error-too-many-lines = Too many lines ({ $lines }); at most { $max } at a time.
error-preview-stale = Scores or plans changed after the preview; please send again for a fresh preview.
error-nothing-to-save = No score changes.
error-already-undone = This entry was undone already ({ $undoneAt }).
error-batch-superseded = A later entry changed the same scores; undo that one first.

## /broadcast

cmd-broadcast = Send an announcement
broadcast-ask-message = Send the announcement: one message (bold, italics and links are kept) or a file with a caption.
broadcast-ask-audience = Send it to whom?
broadcast-to-everyone = Everyone in the school
broadcast-to-role = By role
broadcast-to-department = One department
broadcast-ask-role = Which role?
broadcast-ask-department = Which department?
broadcast-preview =
    The announcement will go to <b>{ $recipients }</b> people.{ $without ->
        [0] {""}
       *[other] {" "}({ $without } people who never opened the bot will not get it.)
    }
broadcast-nobody-reachable = Nobody in this group can receive messages from the bot yet{ $without ->
        [0] {""}
       *[other] {""}: { $without } have not opened their invite link
    }{ $blocked ->
        [0] {""}
       *[other] {""}, { $blocked } blocked the bot
    }. Nothing was sent. Type /unreachable to see who and get invite links to pass on (by Zalo or in person), or make one with /invite.
broadcast-button-send = ✅ Send
broadcast-button-stop = ⏹ Stop sending
broadcast-cancelled = Cancelled; nothing was sent.
broadcast-started = Sending announcement #{ $id } to { $count } people. The bot keeps you posted and reports when done.
broadcast-stopping = Announcement #{ $id } stopped: { $cancelled } people not reached yet will not get it.
broadcast-progress = 📣 Announcement <b>#{ $id }</b>: sending, { $percent }%
broadcast-done = 📣 Announcement <b>#{ $id }</b>: done
broadcast-stopped = 📣 Announcement <b>#{ $id }</b>: stopped
broadcast-counts = ✅ Sent { $sent } · ⏳ Waiting { $waiting } · ⛔ Unreachable { $unreachable } · ❌ Failed { $failed } · 🚫 Cancelled { $cancelled }
broadcast-review = To check:
broadcast-state-unreachable = blocked the bot or never opened it
broadcast-state-failed = could not be sent
broadcast-state-unknown = may not have arrived (the bot restarted midway)

## /deadlines, reminders

deadlines-heading = <b>Your BDTX deadlines</b>
deadlines-none = No deadline concerns you yet.
deadlines-passed = past
deadlines-today = today
deadlines-days-left = { $days } days left
deadlines-open =
    { $pending ->
        [1] something still to do
       *[other] { $pending } things still to do
    }
deadlines-done = ✅ done
deadlines-admin-heading = <b>The school's calendar (admin):</b>
deadlines-admin-usage =
    Edit it: <code>/deadline add 20/10/2026 Title</code> · <code>/deadline move 3 21/09/2026</code> · <code>/deadline rename 3 New title</code> · <code>/deadline remove 3</code> (the number is the place in the list above).
deadlines-remove-confirm = ❓ Remove <b>{ $title }</b> ({ $when }) from the calendar? Its reminders will no longer be sent.
deadlines-button-remove = 🗑 Remove it
deadlines-button-keep = ↩️ Keep it
deadlines-removed = Removed from the calendar; its reminders will no longer be sent.
deadlines-changed = The calendar is updated; its reminders follow the new dates.
deadlines-regulation-heading = 📜 <b>Days the regulation sets:</b>
deadlines-regulation-line = • { $title }: <b>{ $when }</b> — { $source }{ $state ->
        [passed] . That day is over: the school's deadline is <b>{ $school }</b>.
        [moved] . The school's deadline: <b>{ $school }</b>.
       *[same] .
    }
deadlines-regulation-rest = Every other deadline: per the school's guidance.
reminder-text =
    ⏰ <b>{ $title }</b>: due { $date } { $days ->
        [0] (today).
        [1] (tomorrow).
       *[other] ({ $days } days left).
    }
    { $task ->
        [plan-submitted] You have not submitted your BDTX plan yet.
        [plan-head-approved] { $pending } plans wait for your approval.
        [plan-approved-by-school] { $pending } plans wait for the school's approval.
        [grades-entered] { $pending } teachers of the department have no complete scores yet.
       *[other] Please get it done in time.
    }
reminder-button-plan = 📝 Open my plan
reminder-button-approve = ✅ Approve plans
reminder-button-grades = 📊 Enter scores
reminder-button-deadlines = 📅 See the deadlines
broadcast-to-open-task = Those with a task still open
broadcast-ask-task = Which task? (only those who have not done it get the message)
broadcast-no-open-task = No coming deadline has a task to follow.
broadcast-nobody-late = Everyone has done this; nobody needs reminding.

## /plan <name>, reopening a plan

plan-button-reopen = ↩️ Reopen for changes
plan-ask-reopen-reason = Why is this plan reopened? (its owner will read it)
plan-reopened = { $name }'s plan is open for changes again.
plan-name-unknown = "{ $name }" is not on your list.
plan-name-ambiguous = Several people are called "{ $name }"; please write the full name.

## /start: each role's own work

start-button-plan = 📝 My BDTX plan
start-button-scores = 📊 My scores and class
start-button-approve = ✅ Approve plans
start-button-grades = 🧾 Enter scores
start-button-deadlines = 📅 Deadlines
schools-created-late = The common calendar's plan deadline ({ $seedDeadline }) has passed, so the school's is set { $days } days from today and teachers can register at once. The school's admin can change it with /setdeadline.
schools-created-late-regulation = Under { $source }, this school year's plans were to be approved by { $regulationDeadline } — that day is over, so the school's registration deadline is set { $days } days from today and teachers can register at once. The school's admin can change it with /setdeadline; /deadlines shows the regulation's day too.

## Mini App: the grade sheet on the phone

grades-button-webapp = 📱 Open the grade sheet
webapp-title = BDTX grade sheet
webapp-all-departments = Whole school
webapp-average = Average
webapp-pending = Not all scores yet
webapp-own-row = Your own scores are entered by someone else.
webapp-locked = The year's results are locked: view only.
webapp-hint = Type scores from 0 to 10, with a decimal comma or point (8.5). An empty cell stays as it is.
webapp-preview = Preview
webapp-save = Save
webapp-back = Keep editing
webapp-saving = Saving…
webapp-saved = Saved { $changes } scores; { $told } teachers told. The confirmation (with an undo button) is in your chat with the bot.
webapp-nothing-changes = No score has changed yet.
webapp-errors = { $count } cells are not right: fix the ones outlined in red, then save.
webapp-changes = { $changes } scores of { $lines } people will be saved.
webapp-network-error = Could not reach the bot. Try again in a few minutes.
webapp-refused = Your Telegram account could not be verified. Open the grade sheet again from the button in your chat with the bot.
## /report: the school's BDTX state, certificates

cmd-report = BDTX status: plans, grades, classes
report-heading = 📊 <b>BDTX status, school year { $year }</b> — { $scope } ({ $people } people)
report-whole-school = { $school }, whole school
report-board = Board and people outside departments
report-regulation = Judged by { $documents }
report-locked = 🔒 Results are locked.
report-open = Results are not locked.
report-plans = Plans: approved { $approved } · waiting for approval { $submitted } · returned { $returned } · not submitted { $notSubmitted }
report-grades = Grades (approved plans): complete { $complete } · missing { $missing }
report-teachers = Teachers: Giỏi { $gioi } · Khá { $kha } · Trung bình { $tb }{ $ht ->
    [0] {""}
   *[other] {" · "}completed { $ht }
} · not completed { $khong } · no result yet { $pending }
report-managers = Managers: pass { $dat } · fail { $khongDat } · no result yet { $pending }
report-certificates = Proposed for a certificate: { $eligible }/{ $people } people
report-by-department = <b>By department</b> (approved plans · complete grades · G/K/TB/not completed · certificates):
report-group-line = • <b>{ $name }</b> ({ $people }): plans { $approved } · grades { $complete } · { $gioi }/{ $kha }/{ $tb }/{ $khong } · cert. { $eligible }
report-more-departments = … and { $count } more departments: press a department's button to see it.
report-button-certificates = 📜 Certificates: { $name }
report-certificates-heading = 📜 <b>Proposed for a BDTX certificate — { $name }</b>: { $eligible }/{ $people } people. Not proposed:
report-certificates-all = (nobody)
report-no-certificate-no-approved-plan = no approved plan
report-no-certificate-results-pending = grades not complete
report-no-certificate-plan-not-completed = did not complete the plan
report-no-certificate-manager-not-passed = manager rated fail (không đạt)
report-pick-school = Pick a school to see its BDTX status:
report-more-schools = There are { $count } schools; the first { $shown } are below. Send /report with a few words of a school's name to find it, e.g. /report kim dong.
report-no-school-match = No school has «{ $query }» in its name. Send /report to see them all.
report-no-schools = No school yet. Add one with /schools.
report-button-sheet = 📥 Results sheet (.xlsx)
sheet-caption = BDTX results sheet: { $people } people, one row each, with a summary and a signature block.
sheet-name = BDTX results
sheet-title = BDTX (CONTINUOUS TRAINING) RESULTS
sheet-subtitle = School year { $year } — { $scope }
sheet-whole-school = whole school
sheet-regulation = Judged and classed by { $documents }
sheet-date = Date: { $date }
sheet-col-number = No.
sheet-col-name = Full name
sheet-col-post = Post
sheet-col-department = Department
sheet-col-nd1 = ND1
sheet-col-nd2 = ND2
sheet-col-module-code = Module { $n } code
sheet-col-module-score = Module { $n } score
sheet-col-average = Average
sheet-col-class = Class
sheet-col-certificate = Certificate proposed
sheet-col-note = Note
sheet-class-Gioi = Giỏi (very good)
sheet-class-Kha = Khá (good)
sheet-class-TrungBinh = Trung bình (pass)
sheet-class-HoanThanh = Completed
sheet-class-KhongHoanThanh = Not completed
sheet-class-Dat = Pass
sheet-class-KhongDat = Fail
sheet-class-pending = Grades not complete
sheet-class-no-approved-plan = No approved plan
sheet-yes = Yes
sheet-no = No
sheet-summary-title = Summary
sheet-summary-count = People
sheet-summary-percent = Share (%)
sheet-summary-certificates = Proposed for a certificate
sheet-summary-total = Total
sheet-place-date = ............, { $day }/{ $month }/{ $year }
sheet-prepared-by = PREPARED BY
sheet-principal = PRINCIPAL
report-late-heading = ⏳ <b>Not done yet: { $title }</b> — due { $date } ({ $days ->
    [0] today
    [1] tomorrow
   *[other] { $days } days left
}): { $count } people
report-late-none = ✅ Next deadline — { $title } ({ $date }): everyone is done.
report-late-line = { $n }. { $name }{ $department }{ $linked ->
    [no] {" "}(not using the bot yet)
   *[yes] {""}
}
report-late-more = … and { $count } more people.
report-button-remind-all = 🔔 Remind all ({ $count })
report-button-remind-one = 🔔 { $name }
report-button-charts = 📊 Charts
report-reminded = 🔔 Reminder sent to { $count } people.{ $without ->
    [0] {""}
   *[other] {" "}{ $without } do not use the bot yet, so they will not get it.
}{ $recent ->
    [0] {""}
   *[other] {" "}{ $recent } were reminded of this deadline in the last { $hours } hours, so not again.
}
error-deadline-not-open = This deadline is over, removed, or has nothing left to remind of. Send /report to look again.
error-nothing-to-remind = They are done already; no reminder needed.
error-reminded-recently = They were reminded of this deadline in the last { $hours } hours; give them time to do it.
error-none-linked = None of them uses the bot ({ $withoutTelegram } people), so no reminder can reach them on Telegram.
chart-whole-school = Whole school
chart-not-yet = No result yet
chart-classes-title = Teachers' BDTX classes
chart-progress-title = BDTX plans and grades progress
chart-class-line = { $name } ({ $total }): { $counts } · no result yet { $pending }
chart-caption-more = … and { $count } more rows: see the .xlsx sheet.
chart-bars-capped = The chart draws the first { $shown } bars; { $count } more are in the caption and the .xlsx sheet.
chart-task-plans-submitted = Plans submitted
chart-task-plans-approved = Plans approved
chart-task-grades-complete = Grades complete
chart-due = due { $date }
chart-progress-row = { $task } (due { $date })
chart-progress-line = { $row }: { $done }/{ $total } people, { $open } to go
chart-progress-line-late = { $row }: { $done }/{ $total } people, { $open } late
chart-done = Done
chart-open = Not yet
chart-late = Late
chart-all-schools = { $schools } schools
chart-all-schools-row = All schools
report-button-province-sheet = 📥 All schools sheet (.xlsx)
report-button-province-chart = 📊 All schools chart
province-sheet-caption = BDTX results of { $schools } schools, one row each, with a total row.
province-sheet-name = Schools
province-sheet-title = BDTX RESULTS OF THE SCHOOLS
province-col-school = School
province-col-year = School year
province-col-people = People
province-col-approved = Plans approved
province-col-not-yet = No result yet
province-col-classified = Classified
province-col-complete = Complete (%)
province-col-certificates = Proposed for a certificate
province-no-year = no school year yet
province-total = Total ({ $schools } schools)
## Notification settings, quiet hours, blocked and unreachable people
broadcast-preview-blocked = { $count } people blocked the bot and will not get it.
broadcast-preview-quiet = 🌙 People in their quiet hours get it when their quiet hours end.
broadcast-preview-urgent = 🚨 <b>Urgent</b>: it goes at once, even to people in their quiet hours.
broadcast-button-urgent = 🚨 Mark urgent
broadcast-button-not-urgent = 🌙 Not urgent
broadcast-waiting-morning = 🌙 Waiting for morning (quiet hours): { $count }
broadcast-state-blocked = blocked the bot
broadcast-state-never-opened = never opened the bot
broadcast-state-deactivated = their Telegram account was deleted
cmd-settings = Notification settings
start-button-settings = 🔔 Notification settings
settings-text =
    🔔 <b>Your notifications</b>
    Deadline reminders: { $reminders } ({ $days })
    Reminders arrive at: { $hour } (Vietnam time)
    Result notices (a new score, a plan approved or returned): { $results }
    Quiet hours: { $quiet } — messages wait until they end (urgent announcements excepted)
settings-hint = Tap to change. Your own quiet hours: type, e.g., <code>/settings 22-6</code> (Vietnam time, hours 0–23).
settings-on = on
settings-off = off
settings-days-seven-one = 7 days and 1 day before
settings-days-one = only the day before
settings-days-three-one = 3 days and 1 day before
settings-hour = { $hour }:00
settings-hour-school-button = school's time
settings-hour-school = the school's time (08:00)
settings-quiet-range = { $from }:00–{ $to }:00
settings-quiet-none = none
settings-button-reminders-on = 🔔 Turn reminders on
settings-button-reminders-off = 🔕 Turn reminders off
settings-button-results-on = 📊 Turn result notices on
settings-button-results-off = 📊 Turn result notices off
settings-saved = ✅ Saved.
settings-quiet-bad = “{ $text }” is not a range of hours. Type the start and the end of your quiet hours, e.g. <code>/settings 22-6</code> (from 22:00 to 06:00, Vietnam time); <code>/settings 0-0</code> turns them off.
settings-hour-bad = An hour must be a whole number from 0 to 23, e.g. <code>/settings 22-6</code>.
cmd-unreachable = Who the bot cannot reach
unreachable-forbidden = Only a school's admin (the whole school) and a head of department (their department) can see who the bot cannot reach.
unreachable-none = ✅ The bot can reach everyone.
unreachable-heading = 📵 <b>{ $count }</b> people the bot cannot reach. Tap a name for a link to pass on by Zalo or in person:
unreachable-never = never opened the bot
unreachable-blocked = blocked the bot
unreachable-link = Invite link for <b>{ $name }</b> (one use, 7 days): { $link }
unreachable-link-blocked = <b>{ $name }</b> blocked the bot. Ask them to open { $link } and press Start (or unblock the bot).
## Bounded inputs and Telegram limits (issue 10, i10b)
error-message-too-long = The message is { $length } characters long; Telegram allows at most { $max }. Nothing was sent. Please shorten it (or split it into several announcements) and try again.
broadcast-preview-heading = This is how recipients will see it:
## Regulation profiles
grade-HoanThanh = Completed the plan
source-school-guidance = points the circular leaves open: per the school's guidance
team-counts-completion = Completed { $ht } · Not completed { $khong } · Not final { $pending } · No approved plan { $noPlan }
cmd-regulation = The year's BDTX regulation
regulation-heading = School year <b>{ $year }</b> follows <b>{ $documents }</b>.
regulation-hours = Hours: ND1 { $nd1 } tiết · ND2 { $nd2 } tiết · ND3 (chosen modules) { $nd3 } tiết · total { $total } tiết a year.
regulation-grading-tt26-2012 = Teachers are classed Giỏi / Khá / Trung bình / not completed (average rounded to 0.1); managers pass or fail.
regulation-grading-tt19-2019 = Each content is scored on 10, passed from 5; teachers complete the plan or do not (the circular has no Giỏi/Khá/TB).
regulation-unverified = Points the circular leaves open (the completion rule, who evaluates last, certificates, each module's tiết) follow the school's guidance.
regulation-admin-usage = Switch (while the year has no scores): <code>/regulation tt26</code> or <code>/regulation tt19</code>.
regulation-unknown = Unknown regulation «{ $input }». Type <code>/regulation tt26</code> (TT 26/2012) or <code>/regulation tt19</code> (TT 19/2019).
regulation-changed = ✅ The year's regulation is changed.
regulation-unchanged = The year already follows this regulation.
regulation-grading-school-classes = Each content is scored on 10, passed from 5; teachers who complete the plan are classed Giỏi / Khá / Trung bình on TT 26/2012's thresholds (by the school's guidance).
regulation-admin-settings = Points the circular leaves open: choose the classes with the button below (while the year has no scores); split ND1 and ND2's 80 tiết as the Sở guides: <code>/regulation hours 30 50</code>.
regulation-classes-tt26 = Class Giỏi / Khá / TB (as TT 26)
regulation-classes-completion = Completed / not completed only
regulation-settings-changed = ✅ The year's settings are saved.
error-settings-not-open = This year's regulation leaves nothing open for the school to settle.
error-settings-hours = ND1 and ND2 take whole tiết adding up to exactly { $total }, e.g. <code>/regulation hours 30 50</code>.
error-results-exist = School year { $schoolYearName } already has scores; its regulation can no longer change (saved scores would be judged by another rule).
error-unknown-profile = No such regulation. Known: { $known }.
need-rounding-note = <i>(scores needed are rounded up to 0.1; the average is rounded to 0.1, so a two-decimal score slightly lower may already be enough)</i>
cefr-error-toeic-bridge = "{ $input }" is TOEIC Bridge, a different test on other scales; the equivalence table has the four-skill TOEIC only (Listening & Reading 10–990, Speaking and Writing 0–200).
## Sandbox terminal

sandbox-pasting = Type or paste the lines; a line :end sends them all as one message.
sandbox-saved = saved to { $path }

## /courses: training courses and their budget (seed 000 §III.5)
cmd-courses = Training courses, budget and sign-ups
entity-course = training course
courses-owner-scope = all schools (Sở/Phòng)
courses-heading = 📚 Training courses of <b>{ $scope }</b> ({ $count }):
courses-none = No course yet. Press ➕ to paste the budget table.
courses-line = { $n }. { $name } — { $classes } classes · { $seats } people · { $fee }/person = <b>{ $amount }</b>
courses-line-signups = 📣 open for sign-ups: { $seated }/{ $seats } seats{ $waiting ->
    [0] {""}
   *[other] , { $waiting } waiting
}
courses-totals = <b>Total:</b> { $classes } classes · { $seats } people · <b>{ $amount }</b>
courses-add = ➕ Add courses (paste a table)
courses-export = 📊 Export to Excel
courses-open = 📣 Open { $n }
courses-ask-table =
    Paste the budget table, one course a line, cells separated by Tab (copied from Excel) or |:
    <code>Name | Classes | People | Fee per person | Amount</code>
    A number column, a header line and the amount column are optional; a «Tổng cộng» (total) line is checked against the bot's own sums.
courses-preview-heading = Preview of { $count } courses (the bot computes amount = people × fee per person):
courses-more = … and { $count } more.
courses-field-classes = Classes
courses-field-seats = People
courses-field-amount = Amount
courses-mismatch-total = ⚠️ The total line says { $field } { $printed }, but the lines add up to { $computed }.
courses-mismatch-line = ⚠️ Course { $n }: the table says amount { $printed }, but people × fee = { $computed }.
courses-errors = ❌ { $count } errors — nothing can be saved yet:
courses-error-missing = Line { $line }, column «{ $column }»: empty.
courses-error-not-a-number = Line { $line }, column «{ $column }»: «{ $input }» is not a whole number (e.g. 100 or 1.500.000).
courses-error-zero = Line { $line }, column «{ $column }»: must be more than 0.
courses-error-too-many-cells = Line { $line }: extra cells «{ $input }»; a line has at most 5 columns (name, classes, people, fee per person, amount).
courses-fix-and-resend = Fix the lines above, then press ➕ and paste again. Nothing was saved.
courses-save = ✅ Save
courses-discard = Cancel
courses-discarded = Cancelled; nothing saved.
courses-saved = ✅ Saved { $count } courses. Type /courses to see them and open sign-ups.
courses-ask-audience = Open sign-ups to whom? The bot sends them an invitation with a sign-up button.
courses-audience-teacher = Teachers and heads
courses-audience-manager = Managers
courses-audience-staff = School staff
courses-audience-all = Everyone
courses-audience-gap = Short of: { $standard } ({ $count } people)
error-course-gap-school-only = A Sở's or Phòng's course opens by post; who falls short of a standard is known per school.
error-course-gap-nobody = By the records, nobody falls short of this standard any more.
courses-invitation = 📚 The course <b>{ $name }</b> is open for sign-ups: { $seats } seats, fee { $fee } per person. Press the button to sign up; when it is full you join the waiting list.
courses-sign-up-button = ✍️ Sign up
courses-opened = 📣 Sign-ups for «{ $name }» are open; the invitation goes to { $count } people.
courses-opened-nobody = 📣 Sign-ups for «{ $name }» are open. Nobody of that group has opened the bot yet, so no invitation could go; they will see the course with /courses.
courses-none-open = No training course is open for your sign-up at the moment.
courses-open-heading = 📚 Courses open for sign-ups ({ $count }):
courses-mine-seat = ✅ You have a seat.
courses-mine-waiting = ⏳ You are on the waiting list.
courses-sign-up = ✍️ Sign up { $n }
courses-withdraw = ❌ Withdraw { $n }
courses-signed-seat = ✅ Signed up for «{ $name }»: you have a seat.
courses-signed-waiting = «{ $name }» is full ({ $seats } seats). You are number { $position } on the waiting list; the bot tells you as soon as someone withdraws.
courses-withdrawn = You withdrew from «{ $name }».
courses-promoted = ✅ A seat is yours in the course <b>{ $name }</b> (someone withdrew).
error-course-table-errors = The table still has { $count } errors; nothing saved.
error-course-table-empty = The table has no course to save.
error-course-table-too-long = The table is too long: at most { $max } courses at a time.
error-course-not-open = This course is not open for sign-ups.
error-course-not-for-you = This course is not open to your post.
error-course-not-signed-up = You have not signed up for this course.
courses-sheet-name = Courses
courses-sheet-signups = Sign-ups
courses-sheet-title = TRAINING COURSE BUDGET — { $scope }
courses-file-name = training-courses.xlsx
courses-col-number = No.
courses-col-name = Course
courses-col-classes = Classes
courses-col-seats = People
courses-col-fee = Fee per person
courses-col-amount = Amount
courses-col-seated = Seated
courses-col-waiting = Waiting
courses-col-total = TOTAL
courses-col-person = Full name
courses-col-school = School
courses-col-state = State
courses-state-seat = seat
courses-state-waiting = waiting
## Staff records and standards (/records, /record, /standards)

cmd-records = Staff qualification records
cmd-record = Update one person's record
cmd-standards = Who falls short of the standards; master's and doctorate ratios
staff-yes = yes
staff-no = no
staff-qualification-trung-cap = Vocational (trung cấp)
staff-qualification-cao-dang = College (cao đẳng)
staff-qualification-dai-hoc = Bachelor's
staff-qualification-thac-si = Master's
staff-qualification-tien-si = Doctorate
staff-political-so-cap = elementary
staff-political-trung-cap = intermediate
staff-political-cao-cap = advanced
staff-political-cu-nhan = bachelor's in political science
staff-it-none = none
staff-it-basic = basic IT skills
staff-it-management = management software
staff-post-principal = Principal
staff-post-vice-principal = Vice-principal
staff-post-van-thu = Clerk
staff-post-ke-toan = Accountant
staff-post-y-te = School nurse
staff-post-thu-vien = Librarian
staff-post-thiet-bi = Equipment officer
staff-post-bao-ve = Security guard
staff-cefr-below = below { $level }
staff-record-empty = <b>Qualification record:</b> none yet. The school's BCĐ fills it in with /records.
staff-record =
    <b>Qualification record</b>
    Professional: { $qualification }
    Political theory: { $political }
    State management certificate: { $stateManagement } · Education management: { $educationManagement } · Head-of-department training: { $ttcm }
    IT: { $it }
    Languages: { $languages }
    In the management pipeline: { $pipeline }
    Post: { $post }
staff-line-empty = no record yet
staff-line-political = political theory { $level }
staff-line-it = IT { $level }
staff-line-pipeline = in the pipeline
records-heading-school = <b>The school's qualification records</b> — { $filled }/{ $count } people have one:
records-heading-department = <b>Your department's qualification records</b> (read only) — { $filled }/{ $count } people have one:
records-admin-hint = For the whole school: download the <b>template</b> (filled in with names and what is known), edit it, then <b>import</b> it. One person: /record, e.g. <code>/record Trần Thị Lan</code> followed by one item per line, such as <code>Trình độ: thạc sĩ</code>. /standards shows who falls short.
records-head-hint = Heads of department can only read records; to change one, ask the school's BCĐ.
records-button-template = 📄 Template
records-button-import = 📥 Import a file
records-template-help =
    Guide
    Each row of the «Hồ sơ» sheet is one person of the school, found by Họ và tên (and Tổ when two people share a name).
    Trình độ chuyên môn: trung cấp, cao đẳng, đại học, thạc sĩ, tiến sĩ — with Chuyên ngành (e.g. Toán, Kế toán).
    Lý luận chính trị: sơ cấp, trung cấp, cao cấp, cử nhân; leave empty if none.
    Chứng chỉ QLNN, Chứng chỉ QLGD, Bồi dưỡng TTCM, Quy hoạch: có / không (yes / no).
    Tin học: không, cơ bản, ứng dụng quản lý.
    Vị trí: hiệu trưởng, phó hiệu trưởng; for staff: văn thư, kế toán, y tế, thư viện, thiết bị, bảo vệ.
    Chứng chỉ ngoại ngữ: IELTS, TOEFL iBT, FCE, TOEIC; Điểm (TOEIC: three scores, Listening & Reading, Speaking, Writing, e.g. 850 170 160); Ngày cấp: day/month/year. Certificates already recorded are kept; write «xóa» (with Điểm empty) to remove them.
    A column removed altogether leaves that item as it is; an empty cell clears it.
records-template-caption = Qualification record template: one person per row. The «Guide» sheet lists the accepted values. When done, tap «📥 Import a file» in /records and send it back.
records-owner = Qualification records belong to each school: its BCĐ sees and updates them with /records. Every school's master's and doctorate ratios against the targets: /standards.
records-admin-only = Only the school's BCĐ can see and update the whole school's records. Your own record: /me.
records-head-read-only = Heads of department can read their department's records (/records) but not change them. To change one, ask the school's BCĐ.
records-ask-file =
    Send the <b>.xlsx</b> or <b>.csv</b> file of qualification records for <b>{ $school }</b> (as a file), following the template.
    Each row is a person already on the school's list (found by <b>Họ và tên</b>, plus <b>Tổ</b> when two share a name). A column the file does not have is left as it is; an empty cell clears that value.
records-preview-counts = Read { $rows } rows: { $create } people get a record for the first time, { $update } are updated, { $certificates } language certificates.
records-saved = ✅ Records saved: { $created } new, { $updated } updated, { $certificates } language certificates. /standards shows who falls short.
record-ask-name =
    Whose record at <b>{ $school }</b>? Type the full name.
    (To type a whole record in one message: <code>/record Trần Thị Lan</code> followed by one item per line, such as <code>Trình độ: thạc sĩ</code>.)
record-ask-department = Several people are named «{ $name }». Choose the department of the person to update:
record-pick-field = Choose an item to change (each change is saved at once), or tap <b>✅ Done</b>.
record-field-qualification = Qualification
record-field-subject = Subject
record-field-politicalTheory = Political theory
record-field-stateManagement = State management cert.
record-field-educationManagement = Education management cert.
record-field-ttcmTraining = Head-of-department training
record-field-it = IT
record-field-pipeline = Management pipeline
record-field-post = Post
record-field-language = Add a language certificate
record-button-done = ✅ Done
record-button-clear = Clear
record-done = ✅ Done. The record is saved; /standards shows who falls short.
record-ask-value = { $field }:
record-ask-subject = Type the subject of the degree (e.g. Toán, Kế toán), or - to clear it.
record-ask-language = Type the exam, the score and the date on one line, e.g. <code>IELTS 6,5 12/05/2023</code> or <code>TOEIC 850 170 160</code>. Type <code>xóa</code> to remove the certificates recorded (when one was wrong).
record-language-unreadable = I could not read «{ $text }». Write the exam, then the score (and the date if any), e.g. <code>IELTS 6,5 12/05/2023</code>. Nothing was saved.
record-unknown-line = I did not understand the line «{ $line }». Each line is <code>Item: value</code>, e.g. <code>Trình độ: thạc sĩ</code>. Type /record to see the items. Nothing was saved.
record-saved = ✅ Saved the record of <b>{ $name }</b>.
record-invalid = ❌ The record has errors, so <b>nothing was saved</b>:
record-error-line = • «{ $column }»: { $problem }
staff-error-required = is empty; it is required.
staff-error-too-long = is too long: at most { $max } characters.
staff-error-unknown-value = «{ $value }» is not a value I know. Write one of: { $expected }.
staff-error-unknown-exam = «{ $value }» is not an exam in the CEFR table. Write one of: { $expected }.
staff-error-bad-score = «{ $value }» is not a valid { $expected } score (from { $min } to { $max } in steps of { $step }; TOEIC takes three scores: Listening & Reading, Speaking, Writing).
staff-error-score-required = names an exam but gives no score.
staff-error-exam-required = gives a score but no exam. Write one of: { $expected }.
staff-error-score-with-clear = with «xóa» in the certificate column, leave the score empty (all of this person's language certificates are removed).
staff-error-bad-date = «{ $value }» is not a date. Write day/month/year, e.g. 12/05/2023.
staff-error-person-unknown = nobody named «{ $value }» is on the school's list. Add them with /import first.
staff-error-person-ambiguous = several people are named «{ $value }» ({ $expected }). Add the Tổ column to say which.
staff-error-person-other-department = this person is not in «{ $value }» but in { $expected }. Please correct the Tổ column.
staff-error-duplicate-row = «{ $value }» repeats row { $firstRow }.
error-person-unknown = Nobody named «{ $name }» is on the school's list. Nothing was saved.
error-person-ambiguous = Several people are named «{ $name }» (in { $departments }). Add a line <code>Tổ: …</code> to say which. Nothing was saved.
standards-owner-heading = <b>Master's and doctorate ratios against the targets — { $count } schools</b>
standards-owner-school = <b>{ $school }</b> ({ $kind })
standards-admin-only = Only the school's BCĐ can see who falls short of the standards. Your own record: /me.
standards-heading = <b>Qualification standards — { $school }</b> ({ $kind })
standards-summary = { $judged } people with a record checked: { $meeting } meet every standard. { $without } have no record yet (/records).
standards-ratios-heading = <b>Master's and doctorate ratios against the targets</b>
standards-ratios-no-kind = The school's level is not known yet (nobody has a level set), so there is no target to compare with.
standards-ratios-no-target = The plan sets no master's or doctorate target for { $kind }.
standards-ratio-line = • { $group } — { $measure }: { $count }/{ $total } ({ $share }), target { $target }: { $verdict }
standards-ratio-met = ✅ met
standards-ratio-short = { $people } more people needed
standards-ratios-without-record = Of these, { $managers } managers and { $teachers } teachers have no record yet (not counted as holding a master's or doctorate).
standards-group-managers = Managers
standards-group-teachers = Teachers
standards-measure-thac-si = master's
standards-measure-tien-si = doctorate
standards-measure-above-standard = above the trained standard
standards-gaps-heading = <b>Who falls short of which standard</b>
standards-group = <b>{ $standard }</b> — { $count } people
standards-source = <i>Source: { $source }</i>
standards-gap-line = • { $who }: needs { $required }, has: { $has }
staff-gap-none = none
standards-more = … and { $count } more (the full list is in the template at /records).
standards-no-records = Nobody has a qualification record yet. Import them at /records.
standards-no-gaps = ✅ Everyone with a record meets the standards.
standard-management-certificate = Education management certificate (managers and the pipeline)
standard-state-management-certificate = State management certificate (managers)
standard-political-theory = Political theory, intermediate or above (managers and the pipeline)
standard-ttcm-training = Head-of-department training
standard-trained-standard = Trained to the standard
standard-manager-above-standard = Managers trained above the standard
standard-english = English of English teachers
standard-language-certificate = Foreign language certificate (managers)
standard-it = IT
standard-staff-training = Staff trained for their post
## /owners

cmd-owners = Deployment owners
owners-only = Only the deployment's owners can see and change the list of owners.
owners-title = <b>Deployment owners ({ $count })</b>
owners-line = • <b>{ $name }</b>{ $you } — id { $id }, { $source }, since { $since }
owners-you = { " " }(you)
owners-source-config = from the server's configuration (OWNER_TELEGRAM_IDS)
owners-source-setup = through the setup link
owners-source-owner = added by another owner
owners-config-note = An owner from the server's configuration is removed only by deleting their id from OWNER_TELEGRAM_IDS and restarting the bot.
owners-only-one = The deployment must always keep at least one owner, so there is nobody you can revoke yet.
owners-revoke = 🚫 Revoke: { $name }
owners-confirm =
    Take away the owner's rights of <b>{ $name }</b> (id { $id })?
    They will no longer add schools, see every school's report, send announcements to every school or import the module catalogue. Their role in a school (if any) stays.
owners-confirm-yes = 🚫 Revoke
owners-confirm-no = Cancel
owners-revoked = <b>{ $name }</b> is no longer an owner. The deployment has { $remaining } owner(s) left.
owners-revoked-notice = You are no longer an owner of this deployment: another owner took that right away. Your role in a school (if any) stays.

## /survey: learning-needs survey (issue 15 item 4, seed 001 §1)
cmd-survey = Learning-needs survey for next school year
error-survey-none = The school has not opened a learning-needs survey.
survey-how-to-open = To open the survey for next school year, type /survey with the deadline, e.g. <code>/survey 15/05/2027</code>
survey-closed = ⛔ The survey closed on { $deadline }; answers can no longer change.
error-survey-closed = ⛔ The survey closed on { $deadline }; answers can no longer change.
error-survey-deadline-past = The deadline must be today or later.
error-survey-not-for-you = The learning-needs survey is for teachers, heads of department and managers.
error-survey-bad-item = That choice is not in your catalogue.
survey-bad-date = «{ $input }» is not a valid date. Type day/month/year, e.g. <code>/survey 15/05/2027</code>
survey-opened = 📝 The learning-needs survey for { $year } is open until { $deadline }; invitations sent to { $count } people.
survey-invitation = 📝 Your school is collecting learning needs for the { $year } school year. Pick the modules and other training you want, before { $deadline }.
survey-reminder = 🔔 You have not answered the learning-needs survey for { $year } (deadline { $deadline }). Tap below to choose.
survey-answer-button = 📝 Answer the survey
survey-my-answer = 📝 My answer
survey-answer-heading = 📝 <b>Learning needs for { $year }</b> (deadline { $deadline }). Tap to choose or unchoose; every tap is saved at once.
survey-answer-empty = You have not chosen anything yet.
survey-answer-chosen = You chose:
survey-saved = Saved.
survey-other-thac-si = Master's degree
survey-other-llct = Political theory
survey-other-tin-hoc = IT
survey-other-ngoai-ngu = Foreign language
survey-totals-heading = 📊 <b>Learning-needs survey { $year }</b> (deadline { $deadline })
survey-totals-heading-department = 📊 <b>Learning-needs survey { $year }</b> — { $department } (deadline { $deadline })
survey-totals-answered = Answered: { $answered }/{ $surveyed } people
survey-totals-modules = <b>Modules</b>
survey-totals-none = (no module chosen yet)
survey-totals-module = • { $code } { $title }: <b>{ $count }</b> people
survey-totals-others = <b>Other training</b>
survey-totals-other = • { $name }: <b>{ $count }</b> people
survey-totals-departments = <b>By department</b>
survey-totals-department = • { $name }: { $answered }/{ $surveyed } answered
survey-no-department = No department
survey-export = 📊 Export to Excel
survey-remind = 🔔 Remind those who have not answered ({ $count })
survey-remind-nobody = Everyone has answered.
survey-reminded = 🔔 Reminder sent to { $count } people who have not answered.
survey-sheet-name = Totals
survey-sheet-departments = By department
survey-sheet-title = Learning needs for { $year }
survey-sheet-title-department = Learning needs for { $year } — { $department }
survey-sheet-answered = Answered: { $answered }/{ $surveyed } people
survey-col-code = Code
survey-col-title = Training
survey-col-count = People
survey-col-department = Department
survey-col-surveyed = Asked
survey-col-answered = Answered
survey-file-name = learning-needs.xlsx
