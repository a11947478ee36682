"""The demonstration guide, written only from the facts in the content brief.

Each page is a list of blocks: an HTML string becomes one text plugin, a dict names one of the
portal's own building blocks (education/cms_plugins.py) and its fields, so staff can edit every word
in the CMS. In text, [[word]] becomes a glossary term plugin with its plain definition from GLOSSARY.
The reading grade of every page is checked by tests/test_seed.py.
"""

EXAMPLE_NOTICE = (
    '<p class="example-content-notice"><strong>Example content.</strong> '
    "The clinic's own doctors must check this page before patients use it.</p>"
)

# Plain definitions, shown next to the word and collected on the glossary page.
GLOSSARY = {
    "anaesthetic": "a medicine that puts people to sleep for an operation",
    "off-label": "used in a way that is not on the medicine's licence",
    "esketamine": "a form of ketamine that you spray into your nose",
    "psychiatrist": "a doctor who treats mental health problems",
    "cannula": "a small needle that goes into a vein",
    "sedatives": "medicines that make you calm or sleepy, such as benzodiazepines",
    "maintenance": "treatment that goes on after the first course, to keep the benefit",
    "dissociation": "feeling cut off or floaty, as if you are outside your body",
    "nausea": "feeling sick",
    "prescriber": "the doctor or nurse who decides on your medicine",
    "psychosis": "losing touch with what is real",
}

EMERGENCY_NUMBERS = (
    "US, Suicide & Crisis Lifeline (call or text): 988\n"
    "US emergency: 911\n"
    "UK emergency: 999\n"
    "UK, NHS 111 (choose option 2 for mental health): 111\n"
    "Samaritans, free, day and night: 116 123"
)

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
            "Ketamine was first made in the 1960s. It has been used as an anaesthetic since 1970, "
            "for children too.</p>",
            "<h2>How can ketamine help?</h2>"
            "<p>In low doses, ketamine is used to treat depression that has not got better with other "
            "treatments. It is also used for anxiety, for PTSD (post-traumatic stress disorder) and for "
            "long-term pain.</p>"
            "<p>Much of this use is [[off-label]].</p>"
            "<p>A study in 2018 found that one dose given into a vein quickly eased the signs of "
            "depression. A dose into a vein is called an IV dose.</p>",
            "<h2>Esketamine nasal spray</h2>"
            "<p>There is also a nasal spray called [[esketamine]]. In March 2019 the US Food and Drug "
            "Administration (FDA) approved it for depression that has not got better with other "
            "treatments.</p>"
            "<p>People use it in a certified clinic, never at home. The FDA has a safety plan for it, "
            "called REMS. Under this plan, staff watch you for at least 2 hours after each dose.</p>",
            "<h2>Does it work?</h2>"
            "<p>In one UK service, about half of people respond to ketamine. This means their "
            "depression eases. It is not a cure. Most people need to have it again over time.</p>",
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
                "steps": "Referral: your GP or family doctor, or your psychiatrist, asks the clinic to see "
                "you.\n"
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
            "<p>An infusion is when a medicine goes slowly into a vein through a thin tube.</p>",
            "<h2>Before you come</h2>"
            "<ul>"
            "<li>Eat a light meal.</li>"
            "<li>Do not drink alcohol.</li>"
            "<li>Before the day, ask your team about [[sedatives]] you take. Do not stop a medicine "
            "on your own.</li>"
            "<li>Bring headphones that block out noise. Calm music without words can help.</li>"
            "<li>Plan for someone to take you home.</li>"
            "</ul>",
            {
                "plugin": "TreatmentStepsPlugin",
                "title": "What happens",
                "steps": "Arrival: the team checks your blood pressure and heart rate.\n"
                "The cannula: a nurse puts a small needle into a vein on the back of your hand.\n"
                "The infusion: a pump slowly gives you a low dose of ketamine over about 40 minutes. "
                "You lie down, and a nurse stays with you.\n"
                "Recovery: the team checks your blood pressure and heart rate again. You rest in the "
                "clinic for about 1 hour if someone came with you, or about 2 hours if you came alone.\n"
                "Going home: someone takes you home. Do not drive until the next day.",
            },
            "<p>The small needle in your hand is called a [[cannula]].</p>",
            "<h2>How you may feel</h2>"
            "<p>Your blood pressure and heart rate can go up during the infusion. That is why the "
            "team checks them.</p>"
            "<p>Strong feelings can come up.</p>"
            "<p>During the infusion and soon after, you may:</p>"
            "<ul>"
            "<li>have [[dissociation]]</li>"
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
                "question": "Why can I not drive home?",
                "answer": "Ketamine changes how you think while it is working. It affects your judgement "
                "and how well you can focus. Have someone take you home, and do not drive until the "
                "next day.",
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
            "<p>This page is about [[maintenance]] treatment: the care you may have after your "
            "first course.</p>"
            "<p>A first course of treatment is often a few infusions over a few weeks. In one UK "
            "service, people have 3 to 6 infusions over 3 to 6 weeks.</p>",
            "<h2>How long it lasts</h2><p>The effect of one infusion lasts about 10 days.</p>",
            "<h2>Maintenance: keeping the benefit</h2>"
            "<p>Some people then take ketamine tablets at home, about once a week, to keep the benefit. "
            "They take them only as prescribed. Others come back to the clinic for more infusions.</p>"
            "<p>Follow the plan from your [[prescriber]] exactly.</p>",
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
                "heading": "Get help now if you feel much worse",
                "message": "Some people feel worse in the days or weeks after an infusion. "
                "If you feel more depressed, or think about suicide, call now. In the UK you can also "
                "go to A&E.\nHelp is available. You are not alone.",
                "phone_numbers": EMERGENCY_NUMBERS,
            },
            "<h2>Why you have it in a clinic</h2>"
            "<p>Too much ketamine can make you pass out. It can slow your breathing to a dangerous "
            "level. It can also raise your blood pressure and make you feel paranoid. Paranoid means "
            "you feel others want to harm you. This is why infusions are given in a clinic, at a "
            "measured dose.</p>",
            "<h2>On the day of treatment</h2>"
            "<p>While ketamine is working, it changes how you think. It affects your judgement and how "
            "well you can focus. On that day, do not drive, sign important papers or make big "
            "decisions.</p>",
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
            "<h2>Ketamine without a doctor</h2>"
            "<p>The FDA has warned about compounded ketamine used without a doctor watching. "
            "Compounded means mixed by a pharmacy, not made as a licensed product. It can cause serious "
            "mental health problems, high blood pressure, breathing problems and urine problems.</p>",
            "<h2>What we do not know yet</h2>"
            "<p>The long-term effects of repeated treatment are not fully known.</p>",
        ],
    },
    {
        "reverse_id": "before-your-appointment",
        "title": "Before your appointment",
        "slug": "before-your-appointment",
        "template": "education/pages/checklist.html",
        "meta_description": "A checklist to help you get ready for your assessment and your infusion.",
        "blocks": [
            "<p>Use this list to get ready. Tick each thing off when it is done. You can print this "
            "page and take it with you.</p>",
            {
                "plugin": "ChecklistPlugin",
                "title": "Before your assessment",
                "items": "Fill in the forms about how you feel, if the team sends them.\n"
                "Keep track of your mood each day, if the team asks you to.\n"
                "Write down all the medicines you take, and any other drugs or alcohol.\n"
                "Note any heart, blood pressure or bladder problems.\n"
                "Note any past psychosis, or any past use of ketamine.",
            },
            {
                "plugin": "ChecklistPlugin",
                "title": "Before your infusion",
                "items": "Eat a light meal.\n"
                "Do not drink alcohol.\n"
                "Before the day, ask your team about sedatives you take, such as benzodiazepines.\n"
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
        "template": "education/pages/guide.html",
        "meta_description": "Phone numbers to call if you feel unsafe or much worse.",
        "blocks": [
            "<p>If you feel unsafe or much worse, get help now. You do not have to wait for your next "
            "appointment.</p>",
            "<h2>In the US</h2>"
            "<ul>"
            '<li>Call or text <a href="tel:988">988</a> for the Suicide &amp; Crisis Lifeline.</li>'
            '<li>In an emergency, call <a href="tel:911">911</a>.</li>'
            "</ul>",
            "<h2>In the UK</h2>"
            "<ul>"
            '<li>If your life is at risk, call <a href="tel:999">999</a> or go to A&amp;E.</li>'
            '<li>Call <a href="tel:111">NHS 111</a> and choose option 2 for mental health.</li>'
            '<li>Call Samaritans free on <a href="tel:116123">116 123</a>. They answer all day and '
            "all night, every day.</li>"
            "</ul>",
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
