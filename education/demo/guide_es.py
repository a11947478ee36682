"""The demonstration guide in Spanish: the same facts as the English pages, nothing more.

Plain Spanish for a reader with little schooling: "usted", short sentences, everyday words, every
medical word explained the first time, and wording that fits any reader ("lo" rather than "le" for
"you", no "solo" or "acostado" where a woman reads it too). Keyed by the English page's reverse id;
the seed adds each as that page's Spanish version, in the same sections, with the same questions and
check questions as the English page (tests/education/test_seed_structure.py). Each page is marked
"Contenido de ejemplo" until the clinic's own bilingual clinicians have reviewed it.
tests/education/test_spanish.py checks that every page reads at Fernández-Huerta 70 or higher.
"""

EXAMPLE_NOTICE = (
    '<p class="example-content-notice"><strong>Contenido de ejemplo.</strong> '
    "Los médicos de la clínica deben revisar esta página antes de que la lean los pacientes.</p>"
)

GLOSSARY = {
    "anestésico": "un medicamento que duerme a una persona para una operación",
    "fuera de indicación": "de una forma que no está aprobada oficialmente para este medicamento",
    "esketamina": "una forma de ketamina que se da como spray para la nariz, solo en una clínica certificada",
    "psiquiatra": "un médico que trata los problemas de salud mental",
    "cánula": "una aguja pequeña que entra en una vena",
    "infusión": "un medicamento que entra poco a poco en la vena por un tubo fino",
    "sedantes": "medicamentos que calman o dan sueño, como las benzodiacepinas",
    "mantenimiento": "el tratamiento que sigue después del primer ciclo, para no perder la mejoría",
    "disociación": "sentirse separado, desconectado o como si flotara",
    "náuseas": "ganas de vomitar",
    "psicosis": "perder el contacto con lo que es real",
    "vejiga": "la bolsa del cuerpo donde se junta la orina",
}

GUIDE = {
    "home": {
        "title": "Su guía sobre la terapia con ketamina",
        "menu_title": "Inicio",
        "slug": "inicio",
        "meta_description": "Qué esperar de la terapia con ketamina, desde la primera cita hasta después.",
        "blocks": [
            "<p>Esta guía le ayuda a prepararse para el tratamiento con ketamina. Léala antes de sus "
            "citas. Puede leerla en su teléfono o imprimirla para alguien que cuida de usted.</p>"
            "<p>Aquí verá qué es la terapia con ketamina, qué pasa en cada paso y cómo cuidarse. "
            "Empiece por la primera página y siga en orden. Cada página termina con un enlace a la "
            "siguiente.</p>",
        ],
    },
    "about-ketamine-therapy": {
        "title": "Qué es la terapia con ketamina",
        "slug": "que-es-la-terapia-con-ketamina",
        "meta_description": "Qué es la ketamina, cómo se usa para la depresión y qué tan bien funciona.",
        "blocks": [
            {
                "plugin": "KeyFactsPlugin",
                "title": "En pocas palabras",
                "points": "La ketamina es un medicamento que actúa rápido.\n"
                "En dosis bajas, se usa para la depresión que no mejoró con otros tratamientos.\n"
                "Las infusiones se dan en una clínica, con una dosis medida.\n"
                "En un servicio del Reino Unido, cerca de la mitad de las personas responden al "
                "tratamiento (se sienten mejor).",
            },
            "<h2>¿Qué es la ketamina?</h2>"
            "<p>La ketamina es un medicamento que actúa rápido. Los médicos la usaron primero como "
            "[[anestésico]]. Se hizo por primera vez en los años 60. Se usa en medicina desde 1970, "
            "también en niños.</p>",
            "<h2>¿Para qué se usa?</h2>"
            "<p>En dosis bajas, la ketamina se usa para tratar la depresión que no mejoró con otros "
            "tratamientos. También se usa para la ansiedad y para el dolor que dura mucho tiempo. Y se "
            "usa para el estrés postraumático (TEPT).</p>"
            "<p>Muchas veces se usa [[fuera de indicación]].</p>"
            "<p>Un estudio de 2018 vio que una sola dosis por la vena mejoró rápido los síntomas de la "
            "depresión. Una dosis por la vena se llama dosis IV.</p>",
            "<h2>Esketamina en spray nasal</h2>"
            "<p>Hay también un spray (atomizador) para la nariz llamado [[esketamina]]. La FDA es la "
            "agencia de medicamentos de EE. UU. En marzo de 2019 aprobó este spray. Es para la "
            "depresión que no mejoró con otros tratamientos.</p>"
            "<p>Se usa en una clínica certificada (aprobada para darlo), nunca en casa. La FDA tiene un "
            "plan de seguridad para él, llamado REMS. Con este plan, el personal vigila a las personas "
            "que lo usan al menos 2 horas después de cada dosis.</p>",
            "<h2>¿Funciona?</h2>"
            "<p>En un servicio del Reino Unido, cerca de la mitad de las personas responden a la "
            "ketamina. Esto quiere decir que su depresión mejora. La mayoría necesita volver a "
            "recibirla con el tiempo.</p>",
        ],
    },
    "your-assessment": {
        "title": "Su primera evaluación",
        "slug": "su-primera-evaluacion",
        "meta_description": "Qué pasa en la cita antes del tratamiento y qué debe contar al equipo.",
        "blocks": [
            "<p>Antes de recibir ketamina, un especialista revisa si es buena para usted. Esto se llama "
            "evaluación. El especialista casi siempre es un [[psiquiatra]].</p>",
            {
                "plugin": "TreatmentStepsPlugin",
                "title": "Qué pasa",
                "steps": "Referencia (remisión): muchas veces su médico de cabecera o de atención "
                "primaria, o su psiquiatra, le pide a la clínica que lo vea.\n"
                "Cuestionarios: puede que le pidan llenar unos cuestionarios sobre cómo se siente.\n"
                "Diario del ánimo: puede que le pidan anotar su ánimo cada día.\n"
                "Evaluación: un especialista habla con usted sobre su salud.\n"
                "Dosis: su dosis se calcula según su peso.",
            },
            "<h2>Lo que debe contar al equipo</h2>"
            "<p>Cuente al equipo sobre:</p>"
            "<ul>"
            "<li>todos los medicamentos que toma, y otras drogas o alcohol</li>"
            "<li>problemas del corazón o de la presión de la sangre</li>"
            "<li>problemas de la [[vejiga]]</li>"
            "<li>si tuvo [[psicosis]] alguna vez</li>"
            "<li>si usó ketamina antes</li>"
            "</ul>",
            {
                "plugin": "QuestionAnswerPlugin",
                "question": "¿Por qué el equipo necesita saber todo esto?",
                "answer": "Estas cosas cambian si la ketamina es segura para usted. Cuénteselas al equipo "
                "aunque crea que no importan.",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "¿Debe contar al equipo si usó ketamina antes?",
                "answers": "Sí, siempre\nNo, no importa",
                "correct_answer": 1,
                "explanation": "Sí. Cuénteselo siempre al equipo. Haber usado ketamina antes puede cambiar "
                "si es segura para usted. Vea “Lo que debe contar al equipo”, más arriba.",
            },
        ],
    },
    "infusion-day": {
        "title": "El día de su infusión",
        "slug": "el-dia-de-su-infusion",
        "meta_description": "Qué pasa durante la infusión de unos 40 minutos y cómo prepararse.",
        "blocks": [
            "<p>Ese día usted recibe una [[infusión]]. El medicamento entra por una [[cánula]] en la "
            "mano.</p>",
            {
                "plugin": "KeyFactsPlugin",
                "title": "En pocas palabras",
                "points": "La infusión dura unos 40 minutos.\n"
                "Alguien del personal de enfermería se queda con usted durante la infusión.\n"
                "Después, usted descansa en la clínica de 1 a 2 horas.\n"
                "Alguien debe llevarlo a casa.\n"
                "No maneje hasta el día siguiente.",
            },
            "<h2>Antes de venir</h2>"
            "<ul>"
            "<li>Coma algo ligero.</li>"
            "<li>No tome alcohol antes de la infusión, a menos que su equipo le diga otra cosa.</li>"
            "<li>No tome [[sedantes]] antes de la infusión, a menos que su equipo le diga que puede. Si "
            "los toma todos los días, pregunte a su equipo unos días antes. No deje de tomar ningún "
            "medicamento por su cuenta.</li>"
            "<li>Traiga audífonos que tapen el ruido. La música tranquila sin letra puede ayudar.</li>"
            "<li>Pida a alguien que lo lleve a casa.</li>"
            "</ul>",
            {
                "plugin": "TreatmentStepsPlugin",
                "title": "Qué pasa",
                "steps": "Llegada: el equipo mide su presión y su pulso.\n"
                "La cánula: le ponen una aguja pequeña en una vena del dorso de la mano.\n"
                "La infusión: una máquina (bomba) le da poco a poco una dosis baja de ketamina, en unos "
                "40 minutos. Usted se acuesta, y alguien del personal de enfermería se queda a su lado.\n"
                "Después: el equipo mide otra vez su presión y su pulso. Usted descansa más o menos 1 "
                "hora si alguien está con usted, o unas 2 horas si no. En los dos casos, alguien debe "
                "llevarlo a casa.\n"
                "A casa: alguien lo lleva. No maneje hasta el día siguiente.",
            },
            "<h2>Cómo se puede sentir</h2>"
            "<p>Su presión y su pulso pueden subir durante la infusión. Por eso el equipo los mide.</p>"
            "<p>Pueden salir sentimientos fuertes.</p>"
            "<p>Durante la infusión y poco después, usted puede:</p>"
            "<ul>"
            "<li>sentirse separado o como si flotara. Esto se llama [[disociación]].</li>"
            "<li>sentir mareo</li>"
            "<li>tener [[náuseas]] (le pueden dar un medicamento para esto)</li>"
            "<li>sentir ansiedad</li>"
            "<li>tener dolor de cabeza</li>"
            "</ul>"
            "<p>Estas molestias casi siempre pasan en unas horas.</p>",
            {
                "plugin": "QuestionAnswerPlugin",
                "question": "¿Puedo escuchar música?",
                "answer": "Sí. Traiga audífonos que tapen el ruido. La música tranquila sin letra puede "
                "ayudar.",
            },
            {
                "plugin": "QuestionAnswerPlugin",
                "question": "¿Por qué no puedo manejar a casa?",
                "answer": "La ketamina cambia su forma de pensar mientras actúa. Le cuesta más pensar con "
                "claridad, decidir bien y concentrarse. Pida a alguien que lo lleve a casa, y no maneje "
                "hasta el día siguiente.",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "¿Cuánto dura la infusión?",
                "answers": "Unos 10 minutos\nUnos 40 minutos\nUnas 4 horas",
                "correct_answer": 2,
                "explanation": "La bomba le da el medicamento en unos 40 minutos. "
                "Vea “Qué pasa”, más arriba.",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "¿Cuándo puede manejar después de la infusión?",
                "answers": "Justo después\nDespués de descansar en la clínica\nA partir del día siguiente",
                "correct_answer": 3,
                "explanation": "No maneje hasta el día siguiente. Alguien debe llevarlo a casa. "
                "Vea “¿Por qué no puedo manejar a casa?”, más arriba.",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "¿Puede irse a casa por su cuenta después de la infusión?",
                "answers": "Sí, después de descansar en la clínica\nNo, alguien debe llevarlo a casa",
                "correct_answer": 2,
                "explanation": "No. Alguien debe llevarlo a casa. Vea “Qué pasa”, más arriba.",
            },
        ],
    },
    "maintenance": {
        "title": "Después del primer ciclo",
        "slug": "despues-del-primer-ciclo",
        "meta_description": "Cómo sigue el tratamiento de mantenimiento y qué cuidados necesita.",
        "blocks": [
            "<p>Esta página trata del [[mantenimiento]].</p>"
            "<p>El primer ciclo suele ser unas pocas infusiones en unas semanas. En un servicio del Reino "
            "Unido, las personas reciben de 3 a 6 infusiones en 3 a 6 semanas.</p>",
            "<h2>Cuánto dura el efecto</h2><p>El efecto de una infusión dura unos 10 días.</p>",
            "<h2>Mantenimiento: no perder la mejoría</h2>"
            "<p>Algunas personas toman después pastillas de ketamina en casa, más o menos una vez a la "
            "semana, para no perder la mejoría. Otras vuelven a la clínica para más infusiones.</p>"
            "<p>Siga al pie de la letra el plan del médico que le receta. Tome solo las pastillas que le "
            "recetaron y vaya a todas sus citas. Esto es un tratamiento con control médico: su médico "
            "planea el tratamiento y lo revisa en las citas.</p>"
            "<p>El día que tome una pastilla, no maneje, no firme papeles importantes y no tome "
            "decisiones grandes.</p>",
            "<h2>Sus citas de control</h2>"
            "<p>Vaya a todas sus citas. En ellas el equipo revisa su ánimo, su presión y su vejiga.</p>",
            {
                "plugin": "CareCardPlugin",
                "level": "non-urgent",
                "heading": "Hable con su equipo",
                "message": "Hable con su equipo antes de cambiar o dejar su plan. "
                "Pregunte si no sabe qué tomar o cuándo.",
                "phone_numbers": "",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "¿Cada cuánto se toman, por lo general, las pastillas de mantenimiento?",
                "answers": "Cada día\n"
                "Más o menos una vez a la semana, solo como se las recetaron\n"
                "Cuando se siente triste",
                "correct_answer": 2,
                "explanation": "La mayoría de las personas que toman pastillas las toman más o menos una "
                "vez a la semana, solo como se las recetaron, no cuando se sienten tristes. Si se siente "
                "peor, pida ayuda ahora. Vea “Mantenimiento: no perder la mejoría”, más arriba.",
            },
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
                "heading": "Pida ayuda ahora si se siente peor o en peligro",
                "message": "Algunas personas se sienten peor en los días o semanas después de una "
                "infusión. Si tiene más depresión o piensa en el suicidio, llame ahora.\n"
                "Hay ayuda. No está solo ni sola.",
                "phone_numbers": "",
                "crisis_numbers": True,
            },
            "<h2>Por qué se da en una clínica</h2>"
            "<p>Demasiada ketamina puede hacer que pierda el conocimiento (se desmaye). Puede hacer la "
            "respiración lenta y peligrosa. También puede subir la presión y causar paranoia. Paranoia "
            "es sentir que otros quieren hacerle daño. Por eso las infusiones se dan en una clínica, con "
            "una dosis medida.</p>",
            "<h2>Cualquier día que reciba ketamina</h2>"
            "<p>Mientras la ketamina actúa, cambia su forma de pensar. Le cuesta más pensar con "
            "claridad, decidir bien y concentrarse. Ese día no maneje, no firme papeles importantes y no "
            "tome decisiones grandes.</p>"
            "<p>Esto es igual para una infusión en la clínica y para las pastillas en casa.</p>",
            "<h2>Problemas de la vejiga</h2>"
            "<p>El uso largo o en dosis altas se ha relacionado con problemas de la vejiga y de la "
            "orina.</p>",
            {
                "plugin": "CareCardPlugin",
                "level": "urgent",
                "heading": "Avise a su equipo enseguida si nota",
                "message": "- dolor al orinar\n- ganas de orinar muy seguido\n- sangre en la orina\n"
                "- escapes de orina",
            },
            "<h2>Dependencia</h2>"
            "<p>Algunas personas sienten que necesitan la ketamina. Esto se llama dependencia "
            "psicológica. La dependencia física, cuando el cuerpo la necesita, es menos común.</p>",
            "<h2>Ketamina sin control médico</h2>"
            "<p>La FDA avisó sobre la ketamina preparada en farmacias y usada sin control médico. Sin "
            "control médico quiere decir sin un médico que le recete, planee su tratamiento y lo revise "
            "en sus citas. Esta ketamina puede causar problemas graves de salud mental, subir la presión "
            "y dar problemas para respirar y para orinar.</p>"
            "<p>Las pastillas que le da su propio médico, tomadas como él lo planeó y con sus citas de "
            "control, son un tratamiento con control médico.</p>",
            "<h2>Lo que aún no sabemos</h2>"
            "<p>Aún no se sabe bien qué efectos tiene el tratamiento repetido durante mucho tiempo.</p>",
            {
                "plugin": "CheckQuestionPlugin",
                "question": "Le duele al orinar, o ve sangre en la orina. ¿Qué debe hacer?",
                "answers": "Esperar a su próxima cita\nAvisar a su equipo enseguida",
                "correct_answer": 2,
                "safety_check": True,
                "explanation": "Avise a su equipo enseguida. Vea “Problemas de la vejiga”, más arriba.",
            },
            {
                "plugin": "CheckQuestionPlugin",
                "question": "Se siente peor o en peligro en los días después de una infusión. "
                "¿Qué debe hacer?",
                "answers": "Esperar a su próxima cita\n"
                "Pedir ayuda ahora: llamar a los números de esta página",
                "correct_answer": 2,
                "safety_check": True,
                "explanation": "Pida ayuda enseguida. Los números están en “Pida ayuda ahora si se siente "
                "peor o en peligro”, arriba en esta página.",
            },
        ],
    },
    "before-your-appointment": {
        "title": "Antes de su cita",
        "slug": "antes-de-su-cita",
        "meta_description": "Una lista de lo que debe hacer antes de la evaluación y de la infusión.",
        "blocks": [
            "<p>Use esta lista para prepararse. Marque cada cosa cuando la haga. Puede imprimir esta "
            "página y llevarla con usted.</p>",
            {
                "plugin": "ChecklistPlugin",
                "title": "Antes de su evaluación",
                "items": "Llene los cuestionarios sobre cómo se siente, si el equipo se los manda.\n"
                "Anote cómo se siente cada día, si el equipo se lo pide.\n"
                "Haga una lista de todos sus medicamentos, y de otras drogas o alcohol.\n"
                "Anote si tiene problemas del corazón, de la presión o de la vejiga.\n"
                "Anote si tuvo psicosis (perder el contacto con lo que es real) o si usó ketamina antes.",
            },
            {
                "plugin": "ChecklistPlugin",
                "title": "Antes de su infusión",
                "items": "Coma algo ligero.\n"
                "No tome alcohol antes de la infusión, a menos que su equipo le diga otra cosa.\n"
                "No tome sedantes (medicamentos que calman o dan sueño), como las benzodiacepinas, antes "
                "de la infusión, a menos que su equipo le diga que puede.\n"
                "Si toma sedantes todos los días, pregunte a su equipo unos días antes.\n"
                "Lleve audífonos que tapen el ruido y música tranquila sin letra.\n"
                "Pida a alguien que lo lleve a casa.\n"
                "No maneje hasta el día siguiente.\n"
                "Ese día no firme papeles importantes ni tome decisiones grandes.",
            },
        ],
    },
    "get-help-now": {
        "title": "Pida ayuda ahora",
        "slug": "pida-ayuda-ahora",
        "meta_description": "A qué número llamar si se siente peor o en peligro.",
        "blocks": [
            "<p>Si se siente peor o en peligro, pida ayuda ahora. No tiene que esperar a su próxima "
            "cita. Hay ayuda. No está solo ni sola.</p>",
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
            "<h2>Si su clínica le da un paquete de lectura</h2>"
            "<p>Su clínica le puede dar un código con páginas para leer antes de una cita. El código no "
            "es su nombre. Con ese código, la guía guarda qué páginas leyó, sus respuestas a las "
            "preguntas y las dudas que escriba para su cita. Solo su clínica sabe que el código es suyo. "
            "La guía borra todo esto 90 días después de que el código deja de servir.</p>"
            "<p>No escriba su nombre, su correo ni su teléfono en la caja de dudas. La guía quita los "
            "correos y los teléfonos antes de guardar sus dudas.</p>",
            "<h2>Si nos dice si una página le sirvió</h2>"
            "<p>Guardamos su respuesta y lo que escriba, para esa página. No guardamos quién es usted "
            "ni dónde está.</p>",
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
            "clínica que lo atiende.</p>",
        ],
    },
}
