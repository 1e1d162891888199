import type { ErrorCode } from './errors';

// Problem titles and details in Spanish, for callers that send `Accept-Language: es` (the web app
// sends its interface language). The `code` never changes. Every code has a title (the type and
// errors-es.test.ts check it); the detail replaces the English one, which names specifics the
// structured members (`errors`, `missing`, `allowed`, `currentVersion`, `duplicates`) also carry.
export const ERROR_TITLES_ES: Record<ErrorCode, string> = {
  validation_failed: 'La solicitud no es válida',
  malformed_json: 'El cuerpo de la solicitud no es JSON válido',
  invalid_characters: 'La solicitud contiene caracteres que no se pueden guardar',
  invalid_cursor: 'El cursor de paginación no es válido',
  invalid_value: 'Un valor está fuera de rango o no tiene la forma correcta',
  invalid_reset_token: 'El enlace para restablecer la contraseña no es válido: ya se usó, venció o nunca se emitió',
  malformed_url: 'La URL no está codificada correctamente',
  malformed_request: 'La solicitud no es HTTP válido',
  malformed_multipart: 'No se pudo leer el cuerpo multipart',
  malformed_archive: 'No se pudo leer el archivo zip enviado',
  unauthenticated: 'Debe iniciar sesión',
  invalid_credentials: 'El correo o la contraseña no son correctos',
  forbidden: 'No tiene permiso para hacer esto',
  role_not_grantable: 'No puede otorgar este rol en esta organización',
  approval_required: 'Un BAA se activa solo cuando está aprobado',
  account_deactivated: 'Esta cuenta está desactivada',
  foreign_origin: 'La solicitud vino de otro sitio',
  not_found: 'No se encontró',
  route_not_found: 'No existe ese punto de acceso',
  method_not_allowed: 'Método no permitido',
  not_acceptable: 'La representación pedida no está disponible',
  conflict: 'Conflicto',
  already_exists: 'Ya existe',
  last_org_admin: 'Una organización necesita al menos un administrador activo',
  own_account: 'No puede hacer esto con su propia cuenta',
  stale_version: 'El registro cambió desde que lo leyó',
  version_mismatch: 'If-Match y el cuerpo indican versiones distintas',
  invalid_transition: 'Ese cambio de estado no está permitido',
  partnership_confirm_required: 'La etapa aliada se fija confirmando la alianza, no editando la etapa',
  duplicate_referral: 'El cliente ya tiene una referencia abierta para esta necesidad',
  already_paid: 'A un miembro indicado ya se le pagó esta reunión',
  stipend_cap_exceeded: 'El pago superaría el límite anual de estipendios de la junta',
  idempotency_in_progress: 'Una solicitud con esta Idempotency-Key todavía se está procesando',
  idempotency_key_committed: 'La solicitud con esta Idempotency-Key ya se aplicó; su respuesta no se guardó',
  payload_too_large: 'El cuerpo de la solicitud es demasiado grande',
  uri_too_long: 'La URL es demasiado larga',
  unsupported_media_type: 'Tipo de contenido no admitido',
  idempotency_key_reused: 'La Idempotency-Key se usó con otra solicitud',
  packet_incomplete: 'El paquete de la referencia está incompleto',
  form_too_fast: 'El formulario se envió demasiado rápido',
  vote_not_allowed: 'Solo votan los miembros presentes o a distancia en la reunión, con una opción de la regla de la moción',
  quorum_not_met: 'La reunión no tiene quórum',
  reference_not_found: 'Un registro al que se hace referencia no existe',
  import_rejected: 'El archivo tiene filas que no se pueden importar; no se importó nada',
  partnership_evidence_missing: 'Para confirmar la alianza hace falta evidencia (un acuerdo o una referencia recibida) o una nota que explique por qué',
  constraint_violation: 'El cambio no cumple una regla de los datos',
  precondition_required: 'Se requiere una versión (If-Match)',
  precondition_failed: 'La versión de If-Match no es la actual',
  patch_test_failed: 'Falló una operación test del parche',
  unprocessable_patch: 'El parche cambia algo que no se puede cambiar así',
  unknown_search_parameter: 'La búsqueda usa un parámetro que este servidor no admite',
  too_many_requests: 'Demasiadas solicitudes',
  headers_too_large: 'Los encabezados de la solicitud son demasiado grandes',
  internal_error: 'Algo salió mal de nuestro lado',
  database_unavailable: 'La base de datos no está disponible; inténtelo de nuevo en un momento',
  timeout: 'La solicitud tardó demasiado',
};

/** Details for the problems the web app shows as they come (web/src/lib/errors.ts). */
export const ERROR_DETAILS_ES: Partial<Record<ErrorCode, string>> = {
  not_found: 'No existe ese registro o no tiene acceso a él.',
  conflict: 'El registro está en un estado que no permite este cambio. Vuelva a cargarlo.',
  already_exists: 'Ya existe un registro con estos datos.',
  stale_version: 'Otra persona cambió este registro. Vuelva a cargarlo y repita el cambio.',
  invalid_transition: 'Ese cambio de estado no está permitido ahora. Elija uno de los estados permitidos.',
  partnership_confirm_required: 'Para marcar la organización como aliada use «Confirmar alianza» en la tarjeta de la alianza, que muestra la evidencia.',
  duplicate_referral: 'Otra organización ya tiene una referencia abierta para esta necesidad. Confirme para enviarla de todos modos.',
  packet_incomplete: 'Falta información antes de enviar. Complete los campos señalados.',
  already_paid: 'A un miembro indicado ya se le pagó esta reunión: no se registró ningún pago.',
  stipend_cap_exceeded: 'El pago superaría el límite anual de estipendios del miembro: no se registró.',
  form_too_fast: 'Revise sus respuestas y vuelva a enviar el formulario en unos segundos.',
  vote_not_allowed: 'Solo pueden votar los miembros presentes o a distancia en esta reunión.',
  quorum_not_met: 'La reunión no tiene quórum: registre la asistencia antes de votar.',
  reference_not_found: 'Un registro elegido ya no existe. Vuelva a elegirlo.',
  import_rejected: 'Corrija las filas señaladas y vuelva a importar el archivo: no se importó nada.',
  partnership_evidence_missing: 'Esta organización no tiene acuerdos ni referencias recibidas: escriba una nota que explique por qué es aliada.',
  constraint_violation: 'Un valor no cumple una regla de los datos.',
  role_not_grantable: 'No puede otorgar este rol en esta organización.',
  approval_required: 'Un BAA se activa solo cuando todas las partes o un administrador de la red lo aprueban.',
  account_deactivated: 'Esta cuenta está desactivada. Pida a un administrador de su organización que la reactive.',
  last_org_admin: 'Es el último administrador activo de una organización: nombre primero a otra persona administradora.',
  own_account: 'No puede desactivar su propia cuenta: pídaselo a otra persona administradora.',
  precondition_required: 'Vuelva a cargar el registro y repita el cambio.',
  idempotency_in_progress: 'La misma solicitud todavía se está procesando. Inténtelo de nuevo en unos segundos.',
  idempotency_key_committed: 'Esta solicitud ya se aplicó. Vuelva a cargar para verla.',
  idempotency_key_reused: 'Esta solicitud repetida no coincide con la primera.',
  payload_too_large: 'El archivo o el texto es demasiado grande.',
  unsupported_media_type: 'Ese tipo de archivo no se admite.',
  invalid_value: 'Un valor está fuera de rango o no tiene la forma correcta.',
  invalid_reset_token: 'El enlace para restablecer la contraseña no es válido: ya se usó, venció o nunca se emitió.',
  invalid_characters: 'El texto contiene caracteres que no se pueden guardar.',
  malformed_multipart: 'No se pudo leer el archivo enviado.',
  malformed_archive: 'No se pudo abrir el archivo zip. Compruebe que sea un .zip completo.',
  internal_error: 'Algo salió mal de nuestro lado. Inténtelo de nuevo.',
  database_unavailable: 'Tandem no está disponible en este momento. Inténtelo de nuevo en un momento.',
  timeout: 'La solicitud tardó demasiado. Inténtelo de nuevo.',
  forbidden: 'No tiene permiso para hacer esto.',
  unauthenticated: 'Su sesión terminó. Inicie sesión de nuevo.',
  invalid_credentials: 'Ese correo y contraseña no coinciden con ninguna cuenta.',
  too_many_requests: 'Demasiados intentos. Espere un momento e inténtelo de nuevo.',
  validation_failed: 'Algunos campos necesitan atención.',
};

/** `es` when the caller's Accept-Language prefers Spanish over English, else `en`. */
export const problemLanguage = (acceptLanguage: string | undefined): 'en' | 'es' => {
  let best: { lang: 'en' | 'es'; q: number } = { lang: 'en', q: 0 };
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    const lang = tag === 'es' || tag.startsWith('es-') ? 'es' : tag === 'en' || tag.startsWith('en-') || tag === '*' ? 'en' : undefined;
    if (lang && q > best.q) best = { lang, q };
  }
  return best.lang;
};
