import type { PacketCheckCode } from '../referrals/send-packet';
import type { FieldErrorCode, FieldErrorParams } from './field-errors';

// The messages of `errors[]` items and of the send checklist (`missing[]`) in Spanish, by code,
// for callers that send `Accept-Language: es`. `{min}`, `{max}`, `{name}`, … come from `params`.
// The web app has its own wording in web/src/i18n; these are for integrators and the fallback.
export const FIELD_ERROR_MESSAGES_ES: Record<FieldErrorCode, string> = {
  required: 'Obligatorio',
  too_short: 'Demasiado corto (mínimo {min})',
  too_long: 'Demasiado largo (máximo {max})',
  out_of_range: 'Fuera del rango permitido',
  invalid_format: 'No tiene el formato esperado',
  invalid_type: 'Tipo de valor incorrecto',
  invalid_enum: 'Elija uno de los valores permitidos',
  unknown_parameter: 'Campo desconocido "{name}"',
  invalid_value: 'Este valor no es válido',
  unknown_reference: 'El registro indicado no existe',
  invalid_cursor: 'El cursor no es válido',
  unknown_zip: 'Código postal desconocido',
  missing: 'Falta este dato',
  'consent.organizations_required': 'Indique al menos una organización',
  'consent.organizations_not_allowed': 'Un consentimiento para toda la red no indica organizaciones',
  'consent.witness_required': 'Indique el nombre del testigo del consentimiento verbal',
  'consent.expiry_before_signing': 'El vencimiento debe ser posterior a la firma',
  'referral.duplicate_reason_required': 'Explique por qué se necesita un segundo referido abierto',
  'referral.correction_empty': 'Indique la hora corregida, el método o ambos',
  'engagement.attendees_exceed_total': 'Los grupos de asistentes no pueden sumar más que el total',
  'referral.first_contact_in_future': 'El primer contacto no puede estar en el futuro',
  'referral.first_contact_before_sent': 'El primer contacto ocurre después de enviar el referido',
  'referral.first_contact_after_closed': 'El primer contacto ocurre antes de cerrar el referido',
  'referral.correction_unchanged': 'La corrección no cambia nada: indique otra hora u otro método',
};

export const PACKET_CHECK_MESSAGES_ES: Record<PacketCheckCode, string> = {
  'packet.receiving_organization': 'Elija la organización a la que refiere',
  'packet.client': 'Elija o cree el cliente',
  'packet.client_name': 'Agregue el nombre del cliente',
  'packet.contact': 'Agregue un teléfono o correo del cliente, o elija contactarlo a través de quien envía',
  'packet.sender_contact_for_client': 'Al cliente se le contacta a través de quien envía: agregue un teléfono o correo de ese contacto',
  'packet.language': 'Agregue el idioma preferido del cliente',
  'packet.needs': 'Elija al menos una necesidad',
  'packet.reason': 'Explique por qué refiere al cliente',
  'packet.sender_contact': 'Indique el contacto de quien envía, con un teléfono o correo que el receptor pueda usar',
  'packet.consent': 'Registre el consentimiento del cliente para compartir con la organización receptora',
  'packet.consent_revoked': 'El cliente revocó este consentimiento; registre uno nuevo',
  'packet.consent_not_covering': 'El consentimiento del cliente no cubre a la organización receptora',
  'packet.consent_expired': 'El consentimiento del cliente venció; registre uno nuevo',
};

/** Fills `{name}` placeholders from params; a placeholder without a value stays as written. */
export const fillParams = (template: string, params?: FieldErrorParams) =>
  params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
