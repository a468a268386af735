"""Write ``pitfalls_train.jsonl``: the pitfall model's own training sentences.

Hand-written fragments, in our own words, combined so that each idea appears in many
paraphrases (different openers, word orders, tenses and hedges), and so that good
sentences share the openers and trigger words of the bad ones. The model learns what
carries the meaning, not the opener. Run: python tests/data/pitfalls_train_source.py
(deterministic; the output is committed and reviewed in the diff).
"""

# ruff: noqa: S311, D103  (a seeded shuffle of sample sentences; small builders)
from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("pitfalls_train.jsonl")

FEEDBACK = ["feedback_email", "rejection_reply", "feedback_call_request", "feedback_phone"]
AFTER = [*FEEDBACK, "recruiter_thanks_feedback", "second_interview_request", "thank_you_email"]
CHASE = ["decision_chaser_email", "application_chaser", "decision_chaser_phone"]
THANKS = ["thank_you_email", "thank_you_card", "thank_you_helper"]
KEEP = ["stay_in_touch", "linkedin_note"]
ANY = [*AFTER, *CHASE, *KEEP]

ASK = [
    "Could you tell me",
    "I'd really like to know",
    "I need to understand",
    "Can you let me know",
    "Please explain",
    "I want to know",
    "I'd be grateful to hear",
    "Would you mind telling me",
    "I'd appreciate knowing",
    "Let me know",
    "I'm keen to find out",
    "I would like to understand",
]

ACCUSATORY_CORE = [
    "why I didn't get the job",
    "what I did wrong",
    "what let me down",
    "why it was a no",
    "what went so badly",
    "why I was turned down",
    "why you rejected me",
    "why I wasn't good enough",
    "the real reason I was unsuccessful",
    "what the problem was with my interview",
    "why my application failed",
    "why you decided against me",
    "what I got wrong on the day",
    "where exactly I went wrong",
    "why I lost out",
    "what made you say no to me",
    "what exactly counted against me",
    "why I wasn't offered the post",
]
ACCUSATORY_SOLO = [
    "What did I do wrong?",
    "Why wasn't I chosen?",
    "What was wrong with my answers?",
    "How could I not be chosen after that interview?",
    "I thought my answers were strong, so what was the problem?",
    "I don't see why I was rejected.",
    "Why was it a no?",
    "What exactly let me down?",
    "I can't work out why I was unsuccessful.",
    "I'm baffled that I didn't get it.",
    "Where did it all go wrong?",
    "What more did you want from me?",
    "I deserve to know why I was turned down.",
    "Please justify the decision.",
    "Was I really that bad?",
    "What on earth went wrong?",
    "I'm puzzled about what I did wrong.",
    "I'd like an explanation of why I wasn't picked.",
    "Tell me what was missing from my answers.",
    "How did I not make the cut?",
    "Why didn't I progress?",
    "I need a reason for the rejection.",
]
GOOD_CORE = [
    "which area I could develop most",
    "what I could do to improve next time",
    "one thing that would make my answers stronger",
    "how I could prepare better for interviews like this",
    "which skills would help me in a similar role",
    "what the strongest candidates tend to show",
    "whether there is anything I could work on",
    "how I might strengthen my application in future",
    "when you expect to reach a decision",
    "whether you'd keep my details on file",
    "what the next step would be",
    "how the team plans to grow",
    "whether a short feedback call would be possible",
    "what you'd suggest I focus on",
    "which part of the presentation worked best",
]


def accusatory() -> list[str]:
    out = [f"{a} {c}." for a, c in itertools.product(ASK, ACCUSATORY_CORE)]
    return random.sample(out, 90) + ACCUSATORY_SOLO


EMPLOYER_WRONG = [
    "I think you've made a mistake.",
    "You may come to regret passing on me.",
    "I think you chose the wrong person.",
    "Surely my experience should have counted for more.",
    "I hope you'll reconsider your decision.",
    "Please think again about the decision.",
    "I really think you got this one wrong.",
    "I'm sure you'll realise I was the better choice.",
    "You've missed out on a strong candidate.",
    "It's your loss, I'm afraid.",
    "Is there any chance you could change your mind?",
    "Would you review the decision again?",
    "I believe I was clearly the best fit for the role.",
    "I can't believe you went with someone else.",
    "You'll find the other person won't last.",
    "If the new starter doesn't work out, you know where I am.",
    "My record speaks for itself, so the decision seems odd.",
    "With my background, I should have been the obvious choice.",
    "I'd ask you to look at my application again and reverse the outcome.",
    "I think the panel overlooked how much I could offer.",
    "Honestly, the decision makes no sense to me.",
    "You won't find anyone better than me.",
    "I feel the panel judged me unfairly.",
    "Please reconsider, I know I can do this job.",
    "I'm certain you'll see you picked wrongly.",
    "I was better qualified than anyone else there.",
    "The decision was a mistake on your part.",
    "Would you be willing to overturn the decision?",
    "You should have given me the chance.",
    "Perhaps you could revisit your choice.",
]
EW_OPEN = ["", "Honestly, ", "With respect, ", "I must say ", "Frankly, ", "I feel that "]


def employer_wrong() -> list[str]:
    out = list(EMPLOYER_WRONG)
    for s in EMPLOYER_WRONG:
        opener = random.choice(EW_OPEN[1:])
        out.append(opener + s[0].lower() + s[1:])
    return out


OTHER = [
    "who got the job",
    "who you offered it to",
    "how old the successful candidate is",
    "whether the person you chose was internal",
    "how much experience the other candidate had",
    "what the successful applicant had that I didn't",
    "whether the chosen person was local",
    "how my interview compared with the winner's",
    "if it went to someone already on the team",
    "who the successful candidate was",
    "what qualifications the new starter has",
    "whether you hired a younger person",
    "how the person who got it answered",
    "whether the role went to a friend of the manager",
    "if the other candidate had a degree",
]
OTHER_SOLO = [
    "Who got the job in the end?",
    "Was it an internal candidate?",
    "Was the chosen person already working there?",
    "How did I compare with the person you picked?",
    "What did the other candidate have that I lacked?",
    "Did the job go to someone younger?",
    "Can I ask who was successful?",
    "Was the successful applicant more experienced than me?",
    "Did the winner have more qualifications?",
    "Was the post always meant for someone inside?",
]


def other_candidate() -> list[str]:
    out = [f"{a} {c}." for a, c in itertools.product(ASK, OTHER)]
    return random.sample(out, 70) + OTHER_SOLO * 2


PUSHY = [
    "I'm still waiting for an answer after three weeks.",
    "I expect a decision by Monday at the latest.",
    "Why has nobody got back to me?",
    "I need an answer by Friday.",
    "Please reply today.",
    "I've emailed four times now with no reply.",
    "This is my third email chasing this.",
    "If I don't hear by tomorrow I'll assume it's a no.",
    "I must have a decision this week.",
    "I can't wait any longer for you to decide.",
    "Please respond as a matter of urgency.",
    "When will I hear?",
    "When am I going to hear back?",
    "Surely you've decided by now.",
    "It's been ages and I still have no answer.",
    "Can you hurry up with the decision?",
    "I'd like an answer within 24 hours.",
    "I have chased this several times already.",
    "You said I'd hear last week and I haven't.",
    "Get back to me as soon as possible please.",
    "I need to know today whether I've got it.",
    "Any update yet?",
    "Have you made up your mind yet?",
    "I demand a response by the end of the day.",
    "I'm chasing again because nobody has replied.",
    "How much longer will this take?",
    "I'll keep calling until someone answers.",
    "I'm giving you until Wednesday to reply.",
    "Please don't keep me waiting any longer.",
    "I've been more than patient, so please reply now.",
    "Is there any news yet on my application?",
    "Any jobs yet?",
    "Why is this taking so long?",
    "I need your decision urgently.",
    "Reply by return, please.",
    "I'm following up for the fifth time.",
    "I'd appreciate an answer immediately.",
    "Let me know by close of play today.",
    "Nobody has bothered to reply to my emails.",
    "I expect to hear back straight away.",
]
PUSHY_OPEN = ["", "Just to say, ", "To be clear, ", "Again, ", "Sorry but "]


def pushy() -> list[str]:
    out = list(PUSHY)
    for s in PUSHY:
        out.append(random.choice(PUSHY_OPEN[1:]) + s[0].lower() + s[1:])
    return out


NEEDY = [
    "Please don't let me down, I really need this.",
    "I'm so anxious waiting that I can't eat.",
    "I really need this job, I'm desperate.",
    "This job means everything to me.",
    "I'll do anything to get this role.",
    "I'm begging you to give me a chance.",
    "I haven't slept since the interview.",
    "I can't stop checking my phone for your reply.",
    "Please, I need this to work out.",
    "I've got bills piling up and I need this.",
    "I'll take any salary at all.",
    "If I don't get this I don't know what I'll do.",
    "I'm counting on you to say yes.",
    "I've been out of work for months and I'm struggling.",
    "I'd be so grateful for any chance, anything at all.",
    "My family is depending on me getting this.",
    "I'm willing to work for free to prove myself.",
    "Please put me out of my misery.",
    "I've been on edge all week waiting.",
    "Getting this job would save me.",
    "I'm pinning all my hopes on this.",
    "I'm desperate to hear back.",
    "I'll accept any terms you offer.",
    "You're my last hope.",
    "I literally can't think about anything else.",
    "Please say yes, it would change my life.",
    "I keep refreshing my inbox.",
    "I need this more than anyone.",
    "I'm at the end of my rope with job hunting.",
    "Nobody else will give me a chance.",
]
NEEDY_OPEN = ["", "Honestly, ", "To be honest, ", "I have to say ", "Truly, "]


def needy() -> list[str]:
    out = list(NEEDY)
    for s in NEEDY:
        out.append(random.choice(NEEDY_OPEN[1:]) + s[0].lower() + s[1:])
    return out


PUTDOWN = [
    "Sorry my answers were so poor.",
    "I'm not sure why you even interviewed me.",
    "I'm so sorry for wasting your time.",
    "I know I was terrible.",
    "I probably wasn't good enough anyway.",
    "Apologies again for being so useless.",
    "I'm sorry, I'm sorry, I made such a mess of it.",
    "I'm hopeless at interviews.",
    "I'm sure the others were far better than me.",
    "I must have come across as an idiot.",
    "Sorry for rambling on like a fool.",
    "I'm just not very clever.",
    "I know I'm not really qualified.",
    "Forgive me for being such a disappointment.",
    "I'm so embarrassed by how badly I did.",
    "I'm an awful candidate, I know.",
    "Sorry to bother you with my pathetic answers.",
    "I'm nothing special, really.",
    "I can't believe I was so stupid on the day.",
    "I doubt I'm the sort of person you want.",
    "I'm sorry for being so nervous and useless.",
    "You must have thought I was clueless.",
    "I was rubbish, I know.",
    "I'm sorry I'm not more experienced, I'm a bit of a failure.",
    "I let myself down completely and I'm ashamed.",
    "I'm terribly sorry for how bad my presentation was.",
    "I don't think I'm cut out for this.",
    "Apologies for my dreadful performance.",
    "I know I don't deserve the job.",
    "Sorry for being such a let-down.",
]


def self_putdown() -> list[str]:
    out = list(PUTDOWN)
    for s in PUTDOWN:
        out.append(random.choice(["Again, ", "Honestly, ", "Once more, "]) + s[0].lower() + s[1:])
    return out


EXCUSE = [
    "I'd been up all night with the baby so anyone would have struggled.",
    "Your recruiter never told me it was a panel interview.",
    "The questions were unfair and not what I was told to expect.",
    "I was only nervous because the interviewer was so cold.",
    "If the room hadn't been so noisy I'd have done better.",
    "The train was late so I was flustered the whole time.",
    "Nobody told me there would be a test.",
    "The interviewer kept interrupting, so I couldn't show my best.",
    "I had a migraine, otherwise I'd have been fine.",
    "You didn't give me enough time to answer properly.",
    "The brief you sent was confusing, which is why my presentation was weak.",
    "I only stumbled because the panel seemed bored.",
    "The video link kept dropping, so it wasn't my fault.",
    "I wasn't warned about the role play.",
    "Anyone would have done badly with those questions.",
    "My mind went blank because of how rude one panel member was.",
    "I didn't have time to prepare because you gave such short notice.",
    "I'd have answered better if the questions had been clearer.",
    "It wasn't really my fault, the timing was awful.",
    "The job description didn't mention any of that.",
    "I had so much going on that week, so I wasn't myself.",
    "The interviewer's accent made the questions hard to follow.",
    "I was thrown by the second interviewer's attitude.",
    "My laptop crashed, which is why the task went wrong.",
    "The heat in that room made it impossible to concentrate.",
    "I'm usually much better, I just had a bad day because of my commute.",
    "You asked things that weren't in the advert, so of course I struggled.",
    "The person who met me at reception put me off.",
    "I didn't sleep because of my neighbours, so that explains it.",
    "Your website gave the wrong address, so I arrived stressed.",
]


def excuse() -> list[str]:
    out = list(EXCUSE)
    for s in EXCUSE:
        out.append(
            random.choice(["To be fair, ", "In my defence, ", "Honestly, "]) + s[0].lower() + s[1:]
        )
    return out


NEGATIVITY = [
    "My old manager was useless, so I've learned what not to do.",
    "The whole process was a shambles from the first email.",
    "My current company is a nightmare to work for.",
    "The last place I worked was run by idiots.",
    "Your HR team is hopeless at communication.",
    "The interview was badly organised and a waste of time.",
    "My boss is a bully and I can't wait to leave.",
    "The recruiter was rude and unhelpful.",
    "Honestly, the panel seemed like they couldn't care less.",
    "Your application system is a joke.",
    "My colleagues there are lazy.",
    "The company I'm at now treats everyone terribly.",
    "That agency is the worst I've dealt with.",
    "The interviewer clearly hadn't read my CV, which was poor.",
    "I've never been treated so badly by an employer.",
    "Their management is incompetent.",
    "The whole experience was disorganised and unprofessional.",
    "My previous employer was a disaster.",
    "The assessment day was pointless.",
    "The waiting area was grim and nobody greeted me.",
    "I hated my last job and everyone in it.",
    "Your receptionist was really unfriendly.",
    "The questions were poorly thought out.",
    "The team I work with now is toxic.",
    "It was the most chaotic interview I've ever had.",
    "The last firm I worked for was dishonest.",
    "Your process is slow and frankly disrespectful.",
    "My manager never had a clue what she was doing.",
    "The recruiter wasted my time with the wrong details.",
    "That interview was a farce.",
]


def negativity() -> list[str]:
    out = list(NEGATIVITY)
    for s in NEGATIVITY:
        out.append(
            random.choice(["Frankly, ", "To be blunt, ", "Honestly, "]) + s[0].lower() + s[1:]
        )
    return out


THREAT = [
    "I'll have no choice but to take legal advice.",
    "I'm going to share my experience on Glassdoor.",
    "I will be speaking to my solicitor about this.",
    "If I don't get feedback I'll report you to the ICO.",
    "I'll be leaving a review about how I was treated.",
    "Expect to hear from my lawyer.",
    "I'm considering taking this to a tribunal.",
    "I'll post about this on LinkedIn so others know.",
    "If you don't reply I'll complain to the regulator.",
    "You'll be hearing from my union.",
    "I intend to take this further.",
    "I'll make sure everyone knows how you treat candidates.",
    "I'm prepared to go to court over this.",
    "I'll write to your chief executive and the press.",
    "My solicitor will be in touch if I don't get answers.",
    "I'll give you a one-star review.",
    "Unless you explain, I'll be contacting the Information Commissioner.",
    "I'll tell everyone I know not to apply to you.",
    "I'm going to raise this with my MP.",
    "I'm keeping a record of this for legal purposes.",
    "I won't hesitate to escalate this.",
    "I'll be posting the whole story online.",
    "You'll regret ignoring me.",
    "I'm reporting this to ACAS and a lawyer.",
    "Consider this a formal warning.",
    "I'll sue if I have to.",
    "I will warn other applicants on social media.",
    "I'll be seeking compensation.",
    "I've screenshotted everything in case I need to act.",
    "I'll expose how badly this was handled.",
]


def threat() -> list[str]:
    out = list(THREAT)
    for s in THREAT:
        out.append(
            random.choice(["Please note ", "Be aware that ", "Just so you know, "])
            + s[0].lower()
            + s[1:]
        )
    return out


INFORMAL = [
    "thanx so much, was a gd day",
    "cheers for the chat lol",
    "hiya, just checkin in",
    "ta very much mate",
    "gr8 to meet u",
    "thx 4 ur time",
    "u were all v nice",
    "pls let me know asap",
    "btw i can start whenever",
    "omg it was amazing 😊",
    "ty for today 👍",
    "soz i was late",
    "wanna say thanks",
    "gonna wait to hear back then",
    "hey guys, thanks for having me",
    "luv the office tbh",
    "hope ur well x",
    "that was well cool",
    "cya soon hopefully",
    "imo it went ok",
    "kinda nervous lol",
    "thnks again 🙏",
    "lemme know wot u think",
    "ya the role sounds ace",
    "nice 1 for the tour",
    "yep, sounds gr8",
    "ur team seems sound",
    "any newz? x",
    "dunno if i did ok",
    "its all good m8",
]

PUNCT = [
    "Any news at all???",
    "Thank you so much!!!",
    "Have you decided yet??",
    "It was amazing to meet you all!!!!",
    "Can you let me know???",
    "I loved it!! Thank you!!",
    "Is there an update??",
    "What happens next?!?!",
    "Really!!! Great day!!!",
    "Did I get it??",
    "So excited!!!",
    "Please reply??",
]

PLACEHOLDER = [
    "It was great to meet you and [colleague].",
    "Thank you for the interview for the [job title] role.",
    "I enjoyed meeting the team at <company>.",
    "Dear [Name], thank you for your time.",
    "I look forward to hearing from you, [interviewer].",
    "I'm excited about joining XXX.",
    "The {role} sounds like a great fit.",
    "I particularly liked hearing about [project].",
    "Please pass my thanks to [NAME].",
    "I can start on [date].",
    "Thanks again for meeting me on [day].",
    "I'm keen on the [insert role] position.",
]

DISCRIMINATION = [
    "Did my being over 60 go against me?",
    "Was I turned down because I'm pregnant?",
    "I think my age counted against me.",
    "Was it because of my disability?",
    "I feel I was rejected because of my race.",
    "Did my religion affect the decision?",
    "I wonder if my accent lost me the job.",
    "Was it because I'm a woman?",
    "I suspect you didn't want someone with children.",
    "Was my wheelchair the reason?",
    "I can't help thinking my headscarf was the problem.",
    "Did you reject me because I'm older than the team?",
    "It seems the decision was about my ethnicity.",
    "I believe I was discriminated against.",
    "Was my sexuality an issue for the panel?",
    "I think being trans went against me.",
    "Did my health condition put you off?",
    "I'm worried my name made you discount me.",
    "Were you put off because I'm autistic?",
    "I suspect age discrimination played a part.",
    "Was my maternity leave held against me?",
    "It feels like my nationality was the reason.",
    "Did being a mum count against me?",
    "I felt the panel were biased because of my gender.",
    "My dyslexia seems to have lost me the role.",
]

NO_NEWS = [
    "Just wondering if there's anything new going at your end.",
    "Just checking in to see if anything has come up.",
    "I'm still looking, so let me know if there are any jobs.",
    "Any vacancies yet?",
    "Just touching base again.",
    "I wanted to stay on your radar.",
    "Nothing new here, just saying hello.",
    "Just a quick note to keep in touch.",
    "Have any roles opened up since we spoke?",
    "I'm still interested in working for you, if anything comes up.",
    "Any jobs going at the moment?",
    "Checking back in case something suitable has appeared.",
    "Following up to see if there's an opening now.",
    "I thought I'd drop you a line to see what's new.",
    "Is there anything available for me now?",
    "Just making sure you still have my details.",
    "Reaching out again in case a role has come up.",
    "I'm still available if you need anyone.",
    "Hope all's well; anything suitable for me yet?",
    "I'll keep checking in every few weeks.",
]

GOOD = [
    "I really enjoyed our conversation about customer care.",
    "It was good to hear how the team handled last winter's rush.",
    "I'd be glad to send a reference from my current manager.",
    "I'm sorry I didn't have my portfolio with me; here's the link.",
    "My last job had its challenges, and I learned a lot from them.",
    "I'd be grateful for an update whenever it's convenient.",
    "I'm still very interested and happy to wait.",
    "I'd welcome any suggestions for improving my interview technique.",
    "Was there one area where I could have been stronger?",
    "Thank you for letting me know so promptly.",
    "I hope our paths cross again.",
    "I've been promoted to team leader and wanted to let you know.",
    "I'm keen to help with the urgent projects you mentioned.",
    "I understand you had many strong applicants.",
    "I had a family emergency that morning and wasn't at my best.",
    "Thank you for the tour, it was great to see the new studio!",
    "I turned round a badly run stockroom in my last job.",
    "I spent a year chasing up supplier deliveries.",
    "I can send my references by the end of the week.",
    "I'm sorry to hear the project was delayed.",
    "Sorry for the slight delay in replying.",
    "I was disappointed, but I understand the decision.",
    "I know the decision must have been difficult.",
    "I learned what went wrong in the launch and how we fixed it.",
    "We worked out why the orders were late and solved it.",
    "I fixed a problem with the rota that nobody else had spotted.",
    "I'd love to hear which skills would help me most next time.",
    "Congratulations to whoever was appointed.",
    "I wish the new starter every success.",
    "I'd be glad to be considered for similar roles in future.",
    "Please keep my details on file.",
    "I've just finished my CIPD qualification, so I thought I'd share the news.",
    "Since we spoke I've led a new stock system at my current job.",
    "I've passed my driving test, which opens up the regional roles.",
    "I need to know the start date so I can give notice.",
    "Could you confirm the salary and the start date?",
    "I'd like to accept the offer.",
    "Thank you for your patience while I decided.",
    "I'd be grateful if you could let me know by Friday, as I have another offer.",
    "My request was made on 1 October and the time limit has now passed.",
    "Please respond within one month, as the law requires.",
    "I'd like the ICO to look into how my request was handled.",
    "I'm writing to ask for a copy of my personal data.",
    "I was nervous at first but soon settled in.",
    "I really need a little more time to think it over.",
    "I'm sorry I couldn't make the earlier slot.",
    "I had a problem with my train but arrived in time.",
    "The panel made me feel very welcome.",
    "I appreciated the clear brief before the presentation.",
    "The questions about stock control really made me think.",
    "I'm happy to wait until you have interviewed everyone.",
    "When we spoke you mentioned a decision by the end of the month.",
    "I wondered whether there was any update on the timeline.",
    "Could you let me know when you expect to decide?",
    "I'm writing to follow up on my interview on 3 March.",
    "I'd love to keep in touch.",
    "It was a real pleasure to meet everyone.",
    "Thank you for the helpful feedback.",
    "Your point about planning ahead was very useful.",
    "I'll work on giving shorter answers.",
    "I've since taken a course in Excel, as you suggested.",
    "I'm very grateful for your time and advice.",
    "Please thank Priya for showing me round.",
    "I'm withdrawing my application as I've accepted another post.",
    "I've decided to decline, with thanks for your time.",
    "Could we talk about the salary before I accept?",
    "Could I let you know by Wednesday?",
    "I'm delighted to accept, and can start on the 1st.",
    "I need to know whether the role has a probation period.",
    "My last manager gave me plenty of room to grow.",
    "I dealt with difficult customers every day and kept them happy.",
    "The old system was slow, so I built a better one.",
    "I was asked to rescue a failing project and it's now on track.",
    "I took over a team with low morale and we hit our targets.",
    "Our process was chaotic until I introduced a checklist.",
    "I'm sorry to have missed your call earlier.",
    "Apologies for sending this twice.",
    "I'm glad we discussed the challenges of the role honestly.",
    "The interview made me even keener on the job.",
    "I thought about your question on teamwork afterwards.",
    "I'd be happy to do a second interview at any time.",
    "I have a hospital appointment on Tuesday, so any other day works.",
    "I've had another offer, but your role is my first choice.",
    "I'm really excited about the chance to work with you.",
    "I know you're busy, so there's no rush.",
    "Is there anything else you need from me?",
    "I'd appreciate a short call to hear your feedback.",
    "Any feedback you can share would help me prepare.",
    "What would help me stand out next time?",
    "How could I make my examples more specific?",
    "Which of my answers could have been clearer?",
    "I'd like to know how I could improve.",
    "I'd really like to know more about the training programme.",
    "Could you tell me more about the team structure?",
    "I want to understand the role's main priorities.",
    "I need to understand the notice period before I sign.",
    "Please explain how the bonus scheme works.",
    "Let me know if you need anything else from me.",
    "I'm keen to find out about the next stage.",
    "Would you mind telling me when the next intake is?",
    "I'd appreciate knowing the dress code for the first day.",
    "I'd be grateful to hear your thoughts on my portfolio.",
    "I was wrong about one figure in my answer; it should be 20%.",
    "I made a mistake in my email; the date is the 4th.",
    "The person who showed me round was lovely.",
    "The successful candidate is lucky to be joining such a team.",
    "I enjoyed hearing about your own route into the company.",
    "The legal team's work sounded fascinating.",
    "I'd love to learn more about your review process.",
    "I'll post the signed contract today.",
    "I'm following up, as promised, with the certificate.",
    "I've chased up the reference from my old employer.",
    "I'm desperate to get started, in the best way!",
    "My manager at the time was supportive when I was ill.",
    "The recruiter was very helpful throughout.",
    "Your process was clear and well organised.",
    "I found the assessment day challenging but fair.",
    "I'm not sure I explained my project well, so here is a summary.",
    "Sorry, I forgot to mention my first aid certificate.",
    "I know I have more to learn, and I'm keen to.",
    "I wasn't successful this time, but I learned a lot.",
    "It's a shame it didn't work out, but thank you.",
    "I'll keep an eye on your vacancies page.",
    "I've attached the document you asked for.",
    "I'm free any afternoon next week.",
    "I was told to expect a decision in two weeks.",
    "I appreciate that these things take time.",
    "No worries if you can't give feedback.",
    "Thank you for thinking of me.",
    "The role is exactly what I've been looking for.",
    "I'm confident I could hit the ground running.",
    "My experience with suppliers would help straight away.",
    "Please let me know if the start date changes.",
    "I'd need a decision by the 10th, as my notice period is a month.",
    "I'd like to raise a complaint about how my data was handled.",
    "Under the law you have one month to respond.",
    "I've now waited over a month for my data.",
    "I'd be grateful for any jobs you think might suit me.",
    "I've just moved to the area and wanted to let you know.",
    "I recently won an award for customer service.",
    "I've started volunteering at the food bank, which I love.",
    "Thanks for the great advice on my CV.",
    "I know my age gives me a lot of experience to offer.",
    "As a parent I'm very organised with my time.",
    "I've managed my dyslexia well throughout my career.",
    "I'd prefer a ground-floor room, as I use a wheelchair.",
]

GOOD_KINDS = {
    "I need to know the start date so I can give notice.": "offer_clarify",
    "Could you confirm the salary and the start date?": "offer_clarify",
    "I'd like to accept the offer.": "offer_accept",
    "Thank you for your patience while I decided.": "offer_accept",
    "I'd be grateful if you could let me know by Friday, as I have another offer.": (
        "offer_elsewhere_timeline"
    ),
    "My request was made on 1 October and the time limit has now passed.": "sar_reminder",
    "Please respond within one month, as the law requires.": "subject_access_request",
    "I'd like the ICO to look into how my request was handled.": "data_complaint",
    "I'm writing to ask for a copy of my personal data.": "subject_access_request",
    "I'm withdrawing my application as I've accepted another post.": "withdraw",
    "I've decided to decline, with thanks for your time.": "offer_decline",
    "Could we talk about the salary before I accept?": "offer_negotiate",
    "Could I let you know by Wednesday?": "offer_time_to_decide",
    "I'm delighted to accept, and can start on the 1st.": "offer_accept",
    "I need to know whether the role has a probation period.": "offer_clarify",
    "I'd need a decision by the 10th, as my notice period is a month.": (
        "offer_elsewhere_timeline"
    ),
    "I'd like to raise a complaint about how my data was handled.": "data_complaint",
    "Under the law you have one month to respond.": "sar_reminder",
    "I've now waited over a month for my data.": "sar_reminder",
    "I've just moved to the area and wanted to let you know.": "stay_in_touch",
    "I recently won an award for customer service.": "stay_in_touch",
    "I've started volunteering at the food bank, which I love.": "stay_in_touch",
    "I've been promoted to team leader and wanted to let you know.": "stay_in_touch",
}


def good() -> list[tuple[str, str]]:
    out = [(s, GOOD_KINDS.get(s, random.choice(ANY))) for s in GOOD]
    out += [
        (f"{a} {c}.", random.choice(AFTER))
        for a, c in random.sample(list(itertools.product(ASK, GOOD_CORE)), 120)
    ]
    return out


# A second pass, after the first leave-one-split-out run showed needy, pushy,
# accusatory, employer_wrong and other_candidate weakest: more ways of saying each.
MORE = {
    "needy": [
        "Honestly this role would mean the world to me.",
        "I can't bear the thought of another rejection.",
        "Please give me this chance, I won't let you down.",
        "I've been so worried I haven't been able to sleep properly.",
        "I check my emails every few minutes hoping it's you.",
        "Without this job I really don't know how I'll manage.",
        "I'm practically begging here.",
        "I'd work any hours you wanted, nights, weekends, anything.",
        "I'm so stressed about the decision I feel sick.",
        "You're the only company that's even replied to me.",
        "I've put everything into this, please don't say no.",
        "I'll be devastated if it's not me.",
        "I need some good news so badly right now.",
        "Money's really tight, so I need this to happen.",
        "Every day without hearing is agony.",
    ],
    "pushy": [
        "It's been two weeks, so I expect an answer now.",
        "I haven't heard a thing and it's not good enough.",
        "Why haven't I had a reply yet?",
        "I've left three voicemails and nobody has called back.",
        "You promised a decision by Friday and that's passed.",
        "Please let me know today one way or the other.",
        "I really need you to tell me this week.",
        "Surely it doesn't take this long to decide.",
        "I'd like a decision by tomorrow morning.",
        "I'm writing again as my last two emails were ignored.",
        "Still no news, which is disappointing.",
        "When exactly can I expect to hear from you?",
        "I'll ring first thing tomorrow if I don't hear tonight.",
        "Please confirm the outcome straight away.",
        "It really shouldn't take a month to reply.",
    ],
    "accusatory": [
        "What exactly was it about me that you didn't like?",
        "Help me understand why I wasn't the one.",
        "I'd like to know what stopped me getting it.",
        "What did the others do better than me?",
        "Tell me honestly what counted against me.",
        "Which of my answers cost me the job?",
        "Where did I lose marks?",
        "I still can't see why it was a no.",
        "What was so wrong with my presentation?",
        "Could you spell out why I missed out?",
        "So what was the reason, given how well it went?",
        "I want to hear why I didn't make it through.",
    ],
    "employer_wrong": [
        "I think you've overlooked the best person for the job.",
        "Is the decision final, or could it still be changed?",
        "I'd urge you to think about it again.",
        "You'll struggle to find someone with my track record.",
        "I'm surprised you didn't see what I could bring.",
        "Maybe in time you'll realise you chose wrongly.",
        "Could my application be looked at again by someone else?",
        "I'm sure the panel will regret this.",
        "Honestly, I was the strongest candidate there.",
        "It seems a strange choice given my experience.",
        "If the person you picked leaves, I'd happily step in.",
        "Please don't close the door; reconsider me for this post.",
    ],
    "other_candidate": [
        "What did the successful person have on their CV?",
        "Was the person you hired someone you already knew?",
        "Were they older or younger than me?",
        "Had the new appointee done the job before?",
        "Was it close between me and whoever got it?",
        "What made the other applicant stand out?",
        "Did the job go to somebody already in the team?",
        "How many years' experience did the winner have?",
        "Could you tell me a bit about who was appointed?",
        "Was the chosen candidate a graduate?",
    ],
}
MORE_GOOD = [
    "I'm very keen on the role and happy to wait for your decision.",
    "I'd be glad to hear back whenever suits you.",
    "I hope the rest of the interviews go well.",
    "If it helps, I'm free for a call any day this week.",
    "I'd love the chance to work with the team.",
    "I know the decision is a hard one with so many good people.",
    "I'd welcome any tips on what the panel looks for.",
    "What advice would you give someone preparing for a similar role?",
    "Which skills would make the biggest difference for me?",
    "I'm happy to answer any more questions you have.",
    "The decision timetable you mentioned works well for me.",
    "I understand it has gone to another candidate, and I wish them well.",
    "I respect your decision and thank you for considering me.",
    "I'd be pleased to be kept in mind for future openings.",
    "I really appreciated how friendly everyone was.",
    "I've thought more about your question on planning and have an example.",
    "I'd be grateful for a quick update on timings when you have one.",
    "Thank you for the update last week; I look forward to hearing more.",
    "I'm sure you'll choose well, and I'd be glad to hear either way.",
    "I was pleased with how the presentation went.",
    "My biggest achievement was cutting waste by a fifth.",
    "I handled a difficult complaint and kept the customer.",
    "I'm excited by the new site opening next year.",
    "It was reassuring to hear about the training on offer.",
    "I would need two weeks' notice for my current employer.",
    "Could you let me know who I should contact about the start date?",
    "Who should I speak to about the induction?",
    "Is there anyone else on the team I should meet?",
    "Was there anything in my answers you'd like me to expand on?",
    "I'd welcome the chance to show more of my work.",
    # Questions about the role's people are not about the other candidates.
    "Who would I be working with day to day?",
    "Who leads the team I would join?",
    "Who would be my line manager in the role?",
    "Who would I go to with questions in my first week?",
    "How many people are in the team I'd be part of?",
    "Who else would I be working alongside on the project?",
]


def main() -> None:
    random.seed(11)
    rows: list[dict[str, str]] = []

    def add(label: str, sentences: list[str], kinds: list[str]) -> None:
        rows.extend(
            {"sentence": s, "kind": random.choice(kinds), "label": label}
            for s in dict.fromkeys(sentences)
        )

    add("accusatory", accusatory(), FEEDBACK)
    add("employer_wrong", employer_wrong(), FEEDBACK)
    add("other_candidate", other_candidate(), FEEDBACK)
    add("pushy", pushy(), CHASE)
    add("needy", needy(), [*THANKS, *CHASE])
    add("self_putdown", self_putdown(), [*THANKS, *FEEDBACK])
    add("excuse", excuse(), [*FEEDBACK, "second_interview_request"])
    add("negativity", negativity(), [*THANKS, *FEEDBACK])
    add("threat", threat(), FEEDBACK)
    add("informal", INFORMAL, THANKS)
    add("punctuation", PUNCT, [*THANKS, *CHASE])
    add("placeholder", PLACEHOLDER, THANKS)
    add("discrimination", DISCRIMINATION, FEEDBACK)
    add("no_news", NO_NEWS, KEEP)
    kinds = {"needy": [*THANKS, *CHASE], "pushy": CHASE}
    for label, sentences in MORE.items():
        add(label, sentences, kinds.get(label, FEEDBACK))
    rows.extend({"sentence": s, "kind": k, "label": "good"} for s, k in dict.fromkeys(good()))
    rows.extend({"sentence": s, "kind": random.choice(ANY), "label": "good"} for s in MORE_GOOD)
    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    print(f"wrote {len(rows)} sentences to {OUT.name}")


if __name__ == "__main__":
    main()
