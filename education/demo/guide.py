"""The demonstration guide, written only from the facts in the content brief.

Each page is a list of blocks: an HTML string becomes one text plugin, a dict names one of the
portal's own building blocks (education/cms_plugins.py) and its fields, so staff can edit every word
in the CMS. In text, [[word]] becomes a glossary term plugin with its plain definition from GLOSSARY.
The reading grade of every page is checked by tests/education/test_seed.py, and its structure
against the Spanish guide's (guide_es.py) by tests/education/test_seed_structure.py. The crisis
numbers are not typed here: the "Get help now" page and the emergency card show the numbers of the
clinic's country, as chosen in the call to action.
"""

EXAMPLE_NOTICE = (
    '<p class="example-content-notice"><strong>Example content.</strong> '
    "The clinic's own doctors must check this page before patients use it.</p>"
)

# Plain definitions, shown next to the word and collected on the glossary page.
GLOSSARY = {
    "anaesthetic": "a medicine that puts people to sleep for an operation",
    "off-label": "used in a way that is not the licensed (approved) use of the medicine",
    "esketamine": "a form of ketamine given as a nose spray, only in a certified clinic",
    "psychiatrist": "a doctor who treats mental health problems",
    "cannula": "a small needle that goes into a vein",
    "sedatives": "medicines that make you calm or sleepy, such as benzodiazepines",
    "maintenance": "treatment that goes on after the first course, to keep the benefit",
    "dissociation": "feeling detached, cut off or floaty",
    "nausea": "feeling like you may throw up",
    "prescriber": "the doctor or other health professional who prescribes your medicine",
    "psychosis": "losing touch with what is real",
}

GUIDE = [
    {
        "reverse_id": "home",
        "title": "Your guide to ketamine therapy",
        "menu_title": "Home",
        "slug": "home",
        "template": "education/pages/home.html",
        "meta_description": "What to expect from ketamine therapy, from your first assessment to after-care.",
        "blocks": [
            "<p>This guide helps you get ready for ketamine treatment. Read it before your "
            "appointments. You can read it on your phone, or print it for someone who cares for you.</p>"
            "<p>It explains what ketamine therapy is, what happens at each step, and how to stay safe. "
            "Start with the first page and go on in order. Each page ends with a link to the next "
            "one.</p>",
        ],
    },
    {
        "reverse_id": "about-ketamine-therapy",
        "title": "About ketamine therapy",
        "slug": "about-ketamine-therapy",
        "template": "education/pages/guide.html",
        "meta_description": "What ketamine is, how it can help with depression, and how well it works.",
        "blocks": [
            {
                "plugin": "KeyFactsPlugin",
                "title": "In short",
                "points": "Ketamine is a medicine that works fast.\n"
                "In low doses, it is used to treat depression that other treatments have not helped.\n"
                "Infusions are given in a clinic, at a measured dose.\n"
                "In one UK service, about half of people respond to it.",
            },
            "<h2>What is ketamine?</h2>"
            "<p>Ketamine is a medicine that works fast. Doctors first used it as an [[anaesthetic]]. "
            "Ketamine was first made in the 1960s. It has been used in medicine since 1970, including "
            "for children.</p>",
            "<h2>How can ketamine help?</h2>"
            "<p>In low doses, ketamine is used to treat depression that has not got better with other "
            "treatments. It is also used for anxiety and for long-term pain. And it is used for PTSD. "
            "PTSD means post-traumatic stress disorder.</p>"
            "<p>Much of this use is [[off-label]].</p>"
            "<p>A study in 2018 found that one dose given into a vein quickly eased the signs of "
            "depression. A dose into a vein is called an IV dose.</p>",
            "<h2>Esketamine nasal spray</h2>"
            "<p>There is also a nasal spray called [[esketamine]]. The FDA is the US Food and Drug "
            "Administration. In March 2019 it approved the spray. It is for depression that has not got "
            "better with other treatments.</p>"
            "<p>People use it in a certified clinic, never at home. The FDA has a safety plan for it, "
            "called REMS. Under this plan, people who have it are watched by staff for at least 2 hours "
            "after each dose.</p>",
            "<h2>Does it work?</h2>"
            "<p>In one UK service, about half of people respond to ketamine. This means their "
            "depression eases. Most people need to have it again over time.</p>",
        ],
    },
    {
        "reverse_id": "your-assessment",
        "title": "Your assessment",
        "slug": "your-assessment",
        "template": "education/pages/guide.html",
        "meta_description": "How the team checks whether ketamine is safe and right for you.",
        "blocks": [
            "<p>Before you can have ketamine, a specialist checks that it is right for you. This is "
            "called an assessment. The specialist is usually a [[psychiatrist]].</p>",
            {
                "plugin": "TreatmentStepsPlugin",
                "title": "What happens",
                "steps": "Referral: often your GP or family doctor, or your psychiatrist, asks the clinic "
                "to see you.\n"
                "Forms: you may be asked to fill in some forms about how you feel.\n"
                "Mood diary: you may be asked to keep track of your mood each day.\n"
                "Assessment: a specialist talks with you about your health.\n"
                "Your dose: it is worked out from your body weight.",
            },
            "<h2>What to tell the team</h2>"
            "<p>Tell the team about:</p>"
            "<ul>"
            "<li>all the medicines you take, and any other drugs or alcohol</li>"
            "<li>any heart or blood pressure problems</li>"
            "<li>any bladder problems</li>"
            "<li>any time in the past when you had [[psychosis]]</li>"
            "<li>any past use of ketamine</li>"
            "</ul>",
            {
                "plugin": "QuestionAnswerPlugin",
                "question": "Why does the team need to know all this?",
                "answer": "These things affect whether ketamine is safe for you. Tell the team even if "
                "you think it does not matter.",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "Should you tell the team if you have used ketamine before?",
                "answers": "Yes, always\nNo, it does not matter",
                "correct_answer": 1,
                "explanation": "Yes. Always tell the team. Past use of ketamine affects whether it is "
                "safe for you. See “What to tell the team” above.",
            },
        ],
    },
    {
        "reverse_id": "infusion-day",
        "title": "Your infusion day",
        "slug": "your-infusion-day",
        "template": "education/pages/guide_with_crisis_signpost.html",
        "meta_description": (
            "What happens on the day of your 40-minute ketamine infusion, and how to prepare."
        ),
        "blocks": [
            {
                "plugin": "KeyFactsPlugin",
                "title": "In short",
                "points": "The infusion takes about 40 minutes.\n"
                "A nurse stays with you during the infusion.\n"
                "You rest in the clinic for 1 to 2 hours after.\n"
                "Someone must take you home.\n"
                "Do not drive until the next day.",
            },
            "<p>An infusion is when a medicine goes slowly into a vein through a thin tube. It goes in "
            "through a [[cannula]] in your hand.</p>",
            "<h2>Before you come</h2>"
            "<ul>"
            "<li>Eat a light meal.</li>"
            "<li>Do not drink alcohol before your infusion, unless your team says otherwise.</li>"
            "<li>Do not take [[sedatives]] before your infusion, unless your team says you can. If you "
            "take them every day, ask your team well before the day. Do not stop any medicine on your "
            "own.</li>"
            "<li>Bring headphones that block out noise. Calm music without words can help.</li>"
            "<li>Plan for someone to take you home.</li>"
            "</ul>",
            {
                "plugin": "TreatmentStepsPlugin",
                "title": "What happens",
                "steps": "Arrival: the team checks your blood pressure and heart rate.\n"
                "The cannula: a small needle is put into a vein on the back of your hand.\n"
                "The infusion: a pump slowly gives you a low dose of ketamine over about 40 minutes. "
                "You lie down, and a nurse stays with you.\n"
                "Recovery: the team checks your blood pressure and heart rate again. You rest in the "
                "clinic for about 1 hour if someone is with you, or about 2 hours if no one is with you "
                "yet. Either way, someone must take you home.\n"
                "Going home: someone takes you home. Do not drive until the next day.",
            },
            "<h2>How you may feel</h2>"
            "<p>Your blood pressure and heart rate can go up during the infusion. That is why the "
            "team checks them.</p>"
            "<p>Strong feelings can come up.</p>"
            "<p>During the infusion and soon after, you may:</p>"
            "<ul>"
            "<li>feel detached or floaty. This is called [[dissociation]].</li>"
            "<li>feel dizzy</li>"
            "<li>have [[nausea]]. The team can give you medicine for this.</li>"
            "<li>feel anxious</li>"
            "<li>have a headache</li>"
            "</ul>"
            "<p>These feelings usually pass within a few hours.</p>",
            {
                "plugin": "QuestionAnswerPlugin",
                "question": "Can I listen to music?",
                "answer": "Yes. Bring headphones that block out noise. Calm music without words can help.",
            },
            {
                "plugin": "QuestionAnswerPlugin",
                "question": "Why can't I drive home?",
                "answer": "Ketamine changes how you think while it is working. It affects your judgement "
                "and how well you can focus. Have someone take you home, and do not drive until the "
                "next day.",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "How long does the infusion take?",
                "answers": "About 10 minutes\nAbout 40 minutes\nAbout 4 hours",
                "correct_answer": 2,
                "explanation": "The pump gives the medicine over about 40 minutes. See “What happens” above.",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "When may you drive after your infusion?",
                "answers": "Straight after it\nAfter you rest in the clinic\nNot until the next day",
                "correct_answer": 3,
                "explanation": "Do not drive until the next day. Someone must take you home. "
                "See “Why can't I drive home?” above.",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "Can you go home on your own after your infusion?",
                "answers": "Yes, after you rest in the clinic\nNo, someone must take you home",
                "correct_answer": 2,
                "explanation": "No. Someone must take you home. See “What happens” above.",
            },
        ],
    },
    {
        "reverse_id": "maintenance",
        "title": "After your first course",
        "slug": "after-your-first-course",
        "template": "education/pages/guide_with_crisis_signpost.html",
        "meta_description": (
            "How a course of ketamine works, how long it lasts, and the care you need after it."
        ),
        "blocks": [
            "<p>This page is about [[maintenance]].</p>"
            "<p>A first course of treatment is often a few infusions over a few weeks. In one UK "
            "service, people have 3 to 6 infusions over 3 to 6 weeks.</p>",
            "<h2>How long it lasts</h2><p>The effect of one infusion lasts about 10 days.</p>",
            "<h2>Maintenance: keeping the benefit</h2>"
            "<p>Some people then take ketamine tablets at home, about once a week, to keep the benefit. "
            "Others come back to the clinic for more infusions.</p>"
            "<p>Follow the plan from your [[prescriber]] exactly. Take only the tablets your prescriber "
            "gives you, and go to every check-up. This is treatment with medical supervision: your "
            "prescriber plans it and checks on you at follow-up visits.</p>"
            "<p>On a day you take a tablet, do not drive, sign important papers or make big "
            "decisions.</p>",
            "<h2>Check-ups</h2>"
            "<p>Go to all your follow-up visits. At these visits your team checks your mood, your blood "
            "pressure and your bladder.</p>",
            {
                "plugin": "CareCardPlugin",
                "level": "non-urgent",
                "heading": "Speak to your care team",
                "message": "Talk to your care team before you change or stop your plan. "
                "Ask them if you are not sure what to take, or when.",
                "phone_numbers": "",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "How often do most people take maintenance tablets?",
                "answers": "Every day\nAbout once a week, only as prescribed\nWhen they feel low",
                "correct_answer": 2,
                "explanation": "Most people who take tablets take them about once a week, only as their "
                "prescriber says, not when they feel low. If you feel worse, get help now. "
                "See “Maintenance: keeping the benefit” above.",
            },
        ],
    },
    {
        "reverse_id": "risks-and-side-effects",
        "title": "Risks and side effects",
        "slug": "risks-and-side-effects",
        "template": "education/pages/guide_with_crisis_signpost.html",
        "meta_description": "The risks of ketamine treatment, the signs to watch for, and when to get help.",
        "blocks": [
            {
                "plugin": "CareCardPlugin",
                "level": "emergency",
                "heading": "Get help now if you feel worse or unsafe",
                "message": "Some people feel worse in the days or weeks after an infusion. "
                "If you feel more depressed, or think about suicide, call now.\n"
                "Help is available. You are not alone.",
                "phone_numbers": "",
                "crisis_numbers": True,
            },
            "<h2>Why you have it in a clinic</h2>"
            "<p>Too much ketamine can make you pass out. It can slow your breathing to a dangerous "
            "level. It can also raise your blood pressure and make you feel paranoid. Paranoid means "
            "you feel others want to harm you. This is why infusions are given in a clinic, at a "
            "measured dose.</p>",
            "<h2>On any day you have ketamine</h2>"
            "<p>While ketamine is working, it changes how you think. It affects your judgement and how "
            "well you can focus. On that day, do not drive, sign important papers or make big "
            "decisions.</p>"
            "<p>This is the same for an infusion in the clinic and for tablets at home.</p>",
            "<h2>Bladder problems</h2>"
            "<p>Long-term or heavy use is linked to problems with the bladder and passing urine.</p>",
            {
                "plugin": "CareCardPlugin",
                "level": "urgent",
                "heading": "Tell your team at once if you notice",
                "message": "- pain when you pass urine\n"
                "- needing to pass urine often\n"
                "- blood in your urine\n"
                "- leaking urine",
                "phone_numbers": "",
            },
            "<h2>Dependence</h2>"
            "<p>Some people come to feel that they need ketamine. This is called psychological "
            "dependence. Physical dependence, where your body comes to need it, is less common.</p>",
            "<h2>Ketamine without medical supervision</h2>"
            "<p>The FDA has warned about compounded ketamine used without medical supervision. "
            "Compounded means mixed by a pharmacy. Without medical supervision means with no prescriber "
            "who plans your treatment and checks on you at follow-up visits. This ketamine can cause "
            "serious mental health problems, high blood pressure, breathing problems and urine "
            "problems.</p>"
            "<p>Tablets from your own prescriber, taken as planned, with follow-up visits, are "
            "treatment with medical supervision.</p>",
            "<h2>What we do not know yet</h2>"
            "<p>The long-term effects of repeated treatment are not fully known.</p>",
            {
                "plugin": "CheckQuestionPlugin",
                "question": "It hurts when you pass urine, or you see blood in it. What should you do?",
                "answers": "Wait for your next check-up\nTell your team at once",
                "correct_answer": 2,
                "safety_check": True,
                "explanation": "Tell your team at once. See “Bladder problems” above.",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "You feel worse or unsafe in the days after an infusion. What should you do?",
                "answers": "Wait for your next visit\nGet help now: call the numbers on this page",
                "correct_answer": 2,
                "safety_check": True,
                "explanation": "Get help at once. The numbers are in “Get help now if you feel worse or "
                "unsafe” at the top of this page.",
            },
        ],
    },
    {
        "reverse_id": "before-your-appointment",
        "title": "Before your appointment",
        "slug": "before-your-appointment",
        "template": "education/pages/checklist.html",
        "meta_description": "A checklist to help you get ready for your assessment and your infusion.",
        "blocks": [
            "<p>Use this list to get ready. Check off each thing when it is done. You can print this "
            "page and take it with you.</p>",
            {
                "plugin": "ChecklistPlugin",
                "title": "Before your assessment",
                "items": "Fill in the forms about how you feel, if the team sends them.\n"
                "Keep track of your mood each day, if the team asks you to.\n"
                "Write down all the medicines you take, and any other drugs or alcohol.\n"
                "Note any heart, blood pressure or bladder problems.\n"
                "Note any past psychosis (losing touch with what is real), or any past use of ketamine.",
            },
            {
                "plugin": "ChecklistPlugin",
                "title": "Before your infusion",
                "items": "Eat a light meal.\n"
                "Do not drink alcohol before your infusion, unless your team says otherwise.\n"
                "Do not take sedatives (medicines that make you calm or sleepy), such as "
                "benzodiazepines, before your infusion, unless your team says you can.\n"
                "If you take sedatives every day, ask your team well before the day.\n"
                "Pack headphones that block out noise, and calm music without words.\n"
                "Plan for someone to take you home.\n"
                "Plan not to drive until the next day.\n"
                "Plan not to sign important papers or make big decisions that day.",
            },
        ],
    },
    {
        "reverse_id": "get-help-now",
        "title": "Get help now",
        "slug": "get-help-now",
        # The template lists the crisis numbers of the clinic's country (the call to action's choice).
        "template": "education/pages/crisis.html",
        "meta_description": "Phone numbers to call if you feel worse or unsafe.",
        "blocks": [
            "<p>If you feel worse or unsafe, get help now. You do not have to wait for your next "
            "appointment.</p>",
        ],
    },
    {
        "reverse_id": "glossary",
        "title": "Words used in this guide",
        "slug": "glossary",
        "template": "education/pages/glossary.html",
        "in_navigation": False,
        "meta_description": "What the medical words in this guide mean, in plain English.",
        "blocks": [
            "<p>This page explains the medical words used in this guide. Each word shows the pages "
            "that use it. The words are in order from A to Z.</p>",
        ],
    },
    # --- Privacy: linked from the footer of every page, not listed in the navigation ---
    {
        "reverse_id": "privacy",
        "title": "Privacy",
        "slug": "privacy",
        "template": "education/pages/guide.html",
        "in_navigation": False,
        "meta_description": "What this guide keeps about you (nothing) and about clinic staff.",
        "blocks": [
            "<p>This page says what this guide keeps about you. The short answer is: nothing.</p>",
            "<h2>What we keep about you</h2>"
            "<p>Nothing. You do not need an account to read this guide. We do not ask for your name, "
            "your email or anything about your health. The guide does not record who reads which "
            "page.</p>",
            "<h2>If your clinic gives you a reading pack</h2>"
            "<p>Your clinic may give you a code with pages to read before a visit. The code is not your "
            "name. With that code, the guide keeps which pages you read, your answers to the checks, and "
            "any questions you write for your visit. Only your clinic can tell that the code is yours. "
            "The guide deletes all of this 90 days after the code stops working.</p>"
            "<p>Do not write your name, email or phone number in the questions box. The guide takes out "
            "emails and phone numbers before it keeps your questions.</p>",
            "<h2>If you tell us whether a page was useful</h2>"
            "<p>We keep your answer and what you write, for that page. We do not keep who you are or "
            "where you are.</p>",
            "<h2>Cookies and trackers</h2>"
            "<p>This guide puts no cookies on your phone or computer when you read it. It has no ads "
            "and no trackers. It does not load anything from other websites, so no other company can "
            "see what you read here.</p>",
            "<h2>What we keep about staff</h2>"
            "<p>Clinic staff sign in to change this guide. For them, we keep a staff account and a "
            "log. The log shows when staff sign in and what they change. This helps us keep the guide "
            "safe and right.</p>",
            "<h2>Questions</h2>"
            "<p>If you have a question about your own care or your own records, ask the clinic that "
            "treats you.</p>",
        ],
    },
]
