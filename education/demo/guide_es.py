"""The demonstration guide in Spanish: the same facts as the English pages, nothing more.

Plain Spanish for a reader with little schooling: "usted", short sentences, everyday words, every
medical word explained the first time. Keyed by the English page's reverse id; the seed adds each
as that page's Spanish version. Each page is marked "Contenido de ejemplo" until the clinic's own
bilingual clinicians have reviewed it. tests/education/test_seed_spanish.py checks that every page
reads at Fernández-Huerta 70 or higher.
"""

EXAMPLE_NOTICE = (
    '<p class="example-content-notice"><strong>Contenido de ejemplo.</strong> '
    "Los médicos de la clínica deben revisar esta página antes de que la lean los pacientes.</p>"
)

GLOSSARY = {
    "anestésico": "un medicamento que duerme a una persona para una operación",
    "fuera de indicación": "usado de una forma que no está en la licencia del medicamento",
    "esketamina": "una forma de ketamina que se rocía en la nariz",
    "psiquiatra": "un médico que trata la salud mental",
    "cánula": "una aguja pequeña que entra en una vena",
    "infusión": "un medicamento que entra poco a poco en la vena por un tubo fino",
    "sedantes": "medicamentos que calman o dan sueño, como las benzodiacepinas",
    "mantenimiento": "el tratamiento que sigue después del primer ciclo, para no perder la mejoría",
    "disociación": "sentirse separado del cuerpo o como si flotara",
    "náuseas": "ganas de vomitar",
    "psicosis": "perder el contacto con lo que es real",
}

EMERGENCY_NUMBERS = (
    "EE. UU., Línea 988 (llame y marque 2 para español, o envíe AYUDA por texto): 988\n"
    "EE. UU., emergencias: 911\n"
    "Reino Unido, emergencias: 999\n"
    "Reino Unido, NHS 111 (opción 2 para la salud mental): 111\n"
    "Samaritans, gratis, de día y de noche: 116 123"
)

GUIDE = {
    "home": {
        "title": "Su guía sobre la terapia con ketamina",
        "menu_title": "Inicio",
        "slug": "inicio",
        "meta_description": "Qué esperar de la terapia con ketamina, desde la primera cita hasta después.",
        "blocks": [
            "<p>Esta guía le ayuda a prepararse para el tratamiento con ketamina. Léala antes de sus "
            "citas. Puede leerla en su teléfono o imprimirla para alguien que le cuida.</p>"
            "<p>Aquí verá qué es la terapia con ketamina, qué pasa en cada paso y cómo estar seguro. "
            "Empiece por la primera página y siga en orden. Cada página termina con un enlace a la "
            "siguiente.</p>",
        ],
    },
    "about-ketamine-therapy": {
        "title": "Qué es la terapia con ketamina",
        "slug": "que-es-la-terapia-con-ketamina",
        "meta_description": "Qué es la ketamina, cómo se usa para la depresión y cómo funciona.",
        "blocks": [
            {
                "plugin": "KeyFactsPlugin",
                "title": "En pocas palabras",
                "points": "La ketamina es un medicamento que actúa rápido.\n"
                "En dosis bajas, se usa para la depresión que no mejoró con otros tratamientos.\n"
                "Las infusiones se dan en una clínica, con una dosis medida.\n"
                "En un servicio del Reino Unido, cerca de la mitad de las personas responden.",
            },
            "<h2>¿Qué es la ketamina?</h2>"
            "<p>La ketamina es un medicamento que actúa rápido. Se hizo por primera vez en los años "
            "1960. Se usa como [[anestésico]] desde 1970, también en niños.</p>",
            "<h2>¿Para qué se usa?</h2>"
            "<p>En dosis bajas, la ketamina se usa para tratar la depresión que no mejoró con otros "
            "tratamientos. También se usa para la ansiedad, para el estrés postraumático (TEPT) y para "
            "el dolor que dura mucho tiempo.</p>"
            "<p>Gran parte de este uso es [[fuera de indicación]].</p>"
            "<h2>Lo que dicen los estudios</h2>"
            "<p>Un estudio de 2018 vio que una sola dosis por la vena bajó rápido los síntomas de la "
            "depresión.</p>"
            "<p>Hay también un aerosol para la nariz llamado [[esketamina]]. En marzo de 2019 la FDA, "
            "la agencia de medicamentos de EE. UU., lo aprobó para la depresión que no mejoró con "
            "otros tratamientos.</p>"
            "<p>Las personas lo usan en una clínica con permiso, nunca en casa. La FDA tiene un plan "
            "de seguridad para él, llamado REMS. Con este plan, el personal le vigila al menos 2 horas "
            "después de cada dosis.</p>",
            "<h2>¿Funciona?</h2>"
            "<p>En un servicio del Reino Unido, cerca de la mitad de las personas responden a la "
            "ketamina. Esto quiere decir que su depresión baja. No es una cura. La mayoría necesita "
            "volver a recibirla con el tiempo.</p>",
        ],
    },
    "your-assessment": {
        "title": "Su primera evaluación",
        "slug": "su-primera-evaluacion",
        "meta_description": "Qué pasa en la cita antes del tratamiento y qué debe contar al equipo.",
        "blocks": [
            {
                "plugin": "TreatmentStepsPlugin",
                "title": "Qué pasa",
                "steps": "Envío: su médico de cabecera o su psiquiatra le envía a la clínica.\n"
                "Preguntas: puede que le pidan llenar cuestionarios y anotar su ánimo cada día.\n"
                "Evaluación: un especialista, casi siempre un [[psiquiatra]], habla con usted.\n"
                "Dosis: su dosis se calcula según su peso.",
            },
            "<h2>Lo que debe contar al equipo</h2>"
            "<p>Diga al equipo todo lo que toma. Esto ayuda a saber si la ketamina es segura para "
            "usted. Cuénteles sobre:</p>"
            "<ul>"
            "<li>todos sus medicamentos y otras sustancias</li>"
            "<li>problemas del corazón o de la presión de la sangre</li>"
            "<li>problemas de la vejiga</li>"
            "<li>si tuvo [[psicosis]] alguna vez</li>"
            "<li>si usó ketamina antes</li>"
            "</ul>",
        ],
    },
    "infusion-day": {
        "title": "El día de su infusión",
        "slug": "el-dia-de-su-infusion",
        "meta_description": "Qué pasa durante la infusión de unos 40 minutos y cómo prepararse.",
        "blocks": [
            "<p>Una [[infusión]] es un medicamento que entra poco a poco en la vena.</p>",
            {
                "plugin": "KeyFactsPlugin",
                "title": "En pocas palabras",
                "points": "La infusión dura unos 40 minutos.\n"
                "Una enfermera se queda con usted durante la infusión.\n"
                "Después, usted descansa en la clínica de 1 a 2 horas.\n"
                "Alguien debe llevarle a casa.\n"
                "No maneje hasta el día siguiente.",
            },
            "<h2>Antes de venir</h2>"
            "<ul>"
            "<li>Coma algo ligero.</li>"
            "<li>No tome alcohol.</li>"
            "<li>Antes del día, pregunte al equipo por los [[sedantes]] que toma. No deje un "
            "medicamento por su cuenta.</li>"
            "<li>Traiga audífonos que tapen el ruido. La música tranquila sin letra puede ayudar.</li>"
            "<li>Pida a alguien que le lleve a casa.</li>"
            "</ul>",
            {
                "plugin": "TreatmentStepsPlugin",
                "title": "Qué pasa",
                "steps": "Llegada: el equipo mide su presión y su pulso.\n"
                "La cánula: una enfermera pone una aguja pequeña en una vena del dorso de la mano.\n"
                "La infusión: una bomba le da una dosis baja de ketamina en unos 40 minutos. Usted está "
                "acostado y una enfermera se queda a su lado.\n"
                "Después: el equipo mide otra vez su presión y su pulso. Usted descansa 1 hora si tiene "
                "acompañante, o 2 horas si no.\n"
                "A casa: alguien le lleva. No maneje hasta el día siguiente.",
            },
            "<p>La aguja pequeña en su mano se llama [[cánula]].</p>",
            "<h2>Cómo se puede sentir</h2>"
            "<p>Su presión y su pulso pueden subir durante la infusión. Por eso el equipo los mide.</p>"
            "<p>Pueden salir sentimientos fuertes.</p>"
            "<p>Durante la infusión y poco después, puede tener:</p>"
            "<ul>"
            "<li>[[disociación]]</li>"
            "<li>mareo</li>"
            "<li>[[náuseas]] (le pueden dar un medicamento para esto)</li>"
            "<li>ansiedad</li>"
            "<li>dolor de cabeza</li>"
            "</ul>"
            "<p>Casi siempre pasan en unas horas.</p>",
        ],
    },
    "maintenance": {
        "title": "Después del primer ciclo",
        "slug": "despues-del-primer-ciclo",
        "meta_description": "Cómo sigue el tratamiento de mantenimiento y qué cuidados necesita.",
        "blocks": [
            "<p>Esta página trata del tratamiento de [[mantenimiento]]: lo que puede venir después del "
            "primer ciclo.</p>"
            "<p>El primer ciclo suele ser unas pocas infusiones en unas semanas. En un servicio del Reino "
            "Unido, las personas reciben de 3 a 6 infusiones en 3 a 6 semanas.</p>",
            "<h2>Cuánto dura el efecto</h2><p>El efecto de una infusión dura unos 10 días.</p>",
            "<h2>Mantenimiento: no perder la mejoría</h2>"
            "<p>Algunas personas toman después pastillas de ketamina en casa, cerca de una vez por "
            "semana. Las toman solo como se las recetaron. Otras vuelven a la clínica para más "
            "infusiones.</p>"
            "<p>Siga el plan de su médico al pie de la letra.</p>",
            "<h2>Sus citas de control</h2>"
            "<p>Vaya a todas sus citas. En ellas el equipo revisa su ánimo, su presión y su vejiga.</p>",
        ],
    },
    "risks-and-side-effects": {
        "title": "Riesgos y efectos secundarios",
        "slug": "riesgos-y-efectos-secundarios",
        "meta_description": "Los riesgos de la ketamina y cuándo pedir ayuda.",
        "blocks": [
            {
                "plugin": "CareCardPlugin",
                "level": "emergency",
                "heading": "Pida ayuda ahora si se siente mucho peor",
                "message": "Algunas personas se sienten peor en los días o semanas después de una "
                "infusión. Si se siente más triste o piensa en el suicidio, llame ahora. En el Reino "
                "Unido también puede ir a la sala de emergencias (A&E).\n"
                "Hay ayuda. No está solo.",
                "phone_numbers": EMERGENCY_NUMBERS,
            },
            "<h2>Por qué se da en una clínica</h2>"
            "<p>Mucha ketamina puede hacer que se desmaye. Puede hacer la respiración lenta y "
            "peligrosa. También puede subir la presión y causar paranoia. Paranoia es sentir que "
            "otros quieren hacerle daño. Por eso las infusiones se dan en una clínica, con una dosis "
            "medida.</p>",
            "<h2>El día del tratamiento</h2>"
            "<p>Mientras la ketamina actúa, cambia su forma de pensar. Le cuesta más juzgar y "
            "concentrarse. Ese día no maneje, no firme papeles importantes y no tome decisiones "
            "grandes.</p>",
            {
                "plugin": "CareCardPlugin",
                "level": "urgent",
                "heading": "Avise a su equipo enseguida si nota",
                "message": "- dolor al orinar\n- ganas de orinar muy seguido\n- sangre en la orina\n"
                "- escapes de orina",
            },
            "<h2>Uso largo o en dosis altas</h2>"
            "<p>El uso largo o en dosis altas se ha ligado a problemas de la vejiga y de la orina.</p>"
            "<p>Algunas personas llegan a depender de la ketamina en la mente. Depender en el cuerpo es "
            "menos común.</p>"
            "<p>La FDA avisó sobre la ketamina preparada en farmacias y usada sin control médico. Puede "
            "causar problemas graves de salud mental, subir la presión y dar problemas para respirar y "
            "para orinar.</p>"
            "<p>Aún no se sabe bien qué pasa con el tratamiento repetido durante mucho tiempo.</p>",
        ],
    },
    "before-your-appointment": {
        "title": "Antes de su cita",
        "slug": "antes-de-su-cita",
        "meta_description": "Una lista de lo que debe hacer antes de la evaluación y de la infusión.",
        "blocks": [
            {
                "plugin": "ChecklistPlugin",
                "title": "Antes de su evaluación",
                "items": "Haga una lista de todos sus medicamentos y sustancias.\n"
                "Anote si tiene problemas del corazón, de la presión o de la vejiga.\n"
                "Anote si tuvo psicosis o si usó ketamina antes.\n"
                "Llene los cuestionarios que le den.",
            },
            {
                "plugin": "ChecklistPlugin",
                "title": "Antes de su infusión",
                "items": "Coma algo ligero.\n"
                "No tome alcohol.\n"
                "Antes del día, pregunte al equipo por los sedantes que toma, como las benzodiacepinas.\n"
                "Lleve audífonos que tapen el ruido y música tranquila sin letra.\n"
                "Pida a alguien que le lleve a casa.\n"
                "No maneje hasta el día siguiente.",
            },
        ],
    },
    "get-help-now": {
        "title": "Pida ayuda ahora",
        "slug": "pida-ayuda-ahora",
        "meta_description": "A qué número llamar si se siente en peligro o mucho peor.",
        "blocks": [
            "<p>Si se siente en peligro o mucho peor, pida ayuda ahora. No tiene que esperar a su "
            "próxima cita. Hay ayuda. No está solo.</p>",
            "<h2>En Estados Unidos</h2>"
            "<ul>"
            '<li>Llame al <a href="tel:988">988</a> y marque 2 para hablar en español. O envíe la '
            "palabra AYUDA por mensaje de texto al 988. Es la Línea de Prevención del Suicidio y "
            "Crisis.</li>"
            '<li>En una emergencia, llame al <a href="tel:911">911</a>.</li>'
            "</ul>",
            "<h2>En el Reino Unido</h2>"
            "<ul>"
            '<li>Si su vida está en peligro, llame al <a href="tel:999">999</a> o vaya a la sala de '
            "emergencias (A&amp;E).</li>"
            '<li>Llame al <a href="tel:111">NHS 111</a> y elija la opción 2 para la salud mental.</li>'
            '<li>Llame gratis a Samaritans al <a href="tel:116123">116 123</a>. Contestan de día y de '
            "noche, todos los días.</li>"
            "</ul>",
        ],
    },
    "glossary": {
        "title": "Palabras que usamos en esta guía",
        "slug": "palabras",
        "meta_description": "Las palabras médicas de la guía, explicadas con palabras sencillas.",
        "blocks": [
            "<p>Aquí están las palabras médicas de esta guía, con lo que quieren decir.</p>",
        ],
    },
    "privacy": {
        "title": "Privacidad",
        "slug": "privacidad",
        "meta_description": "Lo que esta guía guarda sobre usted (nada) y sobre el personal de la clínica.",
        "blocks": [
            "<p>Esta página dice lo que esta guía guarda sobre usted. La respuesta corta es: nada.</p>",
            "<h2>Lo que guardamos sobre usted</h2>"
            "<p>Nada. No necesita una cuenta para leer esta guía. No le pedimos su nombre, su correo "
            "ni nada sobre su salud. La guía no anota quién lee cada página.</p>",
            "<h2>Cookies y rastreadores</h2>"
            "<p>Esta guía no pone cookies en su teléfono ni en su computadora cuando la lee. No tiene "
            "anuncios ni rastreadores. No carga nada de otros sitios web, así que ninguna otra empresa "
            "puede ver lo que usted lee aquí.</p>",
            "<h2>Lo que guardamos sobre el personal</h2>"
            "<p>El personal de la clínica entra con su cuenta para cambiar esta guía. Para ellos "
            "guardamos una cuenta y un registro. El registro muestra cuándo entran y qué cambian. Esto "
            "nos ayuda a que la guía sea segura y correcta.</p>",
            "<h2>Preguntas</h2>"
            "<p>Si tiene una pregunta sobre su propio cuidado o sus propios datos, pregunte a la "
            "clínica que le trata.</p>",
        ],
    },
}
