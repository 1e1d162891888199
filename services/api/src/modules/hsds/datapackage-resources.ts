// Generated from shared/reference/hsds-3.0/datapackage.json (HSDS 3.0): the structure of the resources
// Tandem exports (names, types, formats, constraints, keys), none of the descriptive text.
// Foreign keys to resources Tandem does not export (program) are left out. datapackage.test.ts
// checks this against the reference.
export const HSDS_RESOURCES = [
  {
    name: 'organization',
    path: 'organizations.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'name',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'alternate_name',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'description',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'email',
          type: 'string',
          format: 'email',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'website',
          type: 'string',
          format: 'uri',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'tax_status',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'tax_id',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'year_incorporated',
          type: 'number',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'legal_status',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'logo',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'uri',
          type: 'string',
          format: 'uri',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'parent_organization_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
    },
  },
  {
    name: 'service',
    path: 'services.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'organization_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'program_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'name',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'alternate_name',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'description',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'url',
          type: 'string',
          format: 'uri',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'email',
          type: 'string',
          format: 'email',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'status',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
            enum: ['active', 'inactive', 'defunct', 'temporarily closed'],
          },
        },
        {
          name: 'interpretation_services',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'application_process',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'fees_description',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'wait_time',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'fees',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'accreditations',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'eligibility_description',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'minimum_age',
          type: 'number',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'maximum_age',
          type: 'number',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'assured_date',
          type: 'date',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'assurer_email',
          type: 'string',
          format: 'email',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'licenses',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'alert',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'last_modified',
          type: 'datetime',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'organization_id',
          reference: {
            resource: 'organization',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'location',
    path: 'locations.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'location_type',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
            enum: ['physical', 'postal', 'virtual'],
          },
        },
        {
          name: 'url',
          type: 'string',
          format: 'uri',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'organization_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'name',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'alternate_name',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'description',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'transportation',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'latitude',
          type: 'number',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'longitude',
          type: 'number',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'external_identifier',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'external_identifier_type',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'organization_id',
          reference: {
            resource: 'organization',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'service_at_location',
    path: 'service_at_location.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'service_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'location_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'description',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'service_id',
          reference: {
            resource: 'service',
            fields: 'id',
          },
        },
        {
          fields: 'location_id',
          reference: {
            resource: 'location',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'schedule',
    path: 'schedules.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'service_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'location_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'service_at_location_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'valid_from',
          type: 'date',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'valid_to',
          type: 'date',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'dtstart',
          type: 'date',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'timezone',
          type: 'number',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'until',
          type: 'date',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'count',
          type: 'number',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'wkst',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
            enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
          },
        },
        {
          name: 'freq',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
            enum: ['WEEKLY', 'MONTHLY'],
          },
        },
        {
          name: 'interval',
          type: 'number',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'byday',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'byweekno',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'bymonthday',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'byyearday',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'description',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'opens_at',
          type: 'time',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'closes_at',
          type: 'time',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'schedule_link',
          type: 'string',
          format: 'uri',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'attending_type',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'notes',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'location_id',
          reference: {
            resource: 'location',
            fields: 'id',
          },
        },
        {
          fields: 'service_id',
          reference: {
            resource: 'service',
            fields: 'id',
          },
        },
        {
          fields: 'service_at_location_id',
          reference: {
            resource: 'service_at_location',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'phone',
    path: 'phones.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'location_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'service_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'organization_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'contact_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'service_at_location_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'number',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'extension',
          type: 'number',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'type',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'description',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'contact_id',
          reference: {
            resource: 'contact',
            fields: 'id',
          },
        },
        {
          fields: 'location_id',
          reference: {
            resource: 'location',
            fields: 'id',
          },
        },
        {
          fields: 'organization_id',
          reference: {
            resource: 'organization',
            fields: 'id',
          },
        },
        {
          fields: 'service_id',
          reference: {
            resource: 'service',
            fields: 'id',
          },
        },
        {
          fields: 'service_at_location_id',
          reference: {
            resource: 'service_at_location',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'contact',
    path: 'contacts.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'organization_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'service_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'service_at_location_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'location_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'name',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'title',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'department',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'email',
          type: 'string',
          format: 'email',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'location_id',
          reference: {
            resource: 'location',
            fields: 'id',
          },
        },
        {
          fields: 'organization_id',
          reference: {
            resource: 'organization',
            fields: 'id',
          },
        },
        {
          fields: 'service_id',
          reference: {
            resource: 'service',
            fields: 'id',
          },
        },
        {
          fields: 'service_at_location_id',
          reference: {
            resource: 'service_at_location',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'address',
    path: 'addresses.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'location_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'attention',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'address_1',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'address_2',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'city',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'region',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'state_province',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'postal_code',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'country',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'address_type',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
            enum: ['physical', 'postal', 'virtual'],
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'location_id',
          reference: {
            resource: 'location',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'accessibility',
    path: 'accessibility.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'location_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'description',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'details',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'url',
          type: 'string',
          format: 'uri',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'location_id',
          reference: {
            resource: 'location',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'language',
    path: 'languages.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'service_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'location_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'phone_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'name',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'code',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'note',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'location_id',
          reference: {
            resource: 'location',
            fields: 'id',
          },
        },
        {
          fields: 'phone_id',
          reference: {
            resource: 'phone',
            fields: 'id',
          },
        },
        {
          fields: 'service_id',
          reference: {
            resource: 'service',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'service_area',
    path: 'service_areas.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'service_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'name',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'description',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'extent',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'extent_type',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'uri',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'service_id',
          reference: {
            resource: 'service',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'taxonomy',
    path: 'taxonomies.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'name',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'description',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'uri',
          type: 'string',
          format: 'uri',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'version',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
    },
  },
  {
    name: 'taxonomy_term',
    path: 'taxonomy_terms.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'code',
          type: 'string',
          constraints: {
            required: false,
            unique: true,
          },
        },
        {
          name: 'name',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'description',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'parent_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'taxonomy',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'language',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'taxonomy_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'term_uri',
          type: 'string',
          format: 'uri',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'taxonomy_id',
          reference: {
            resource: 'taxonomy',
            fields: 'id',
          },
        },
      ],
    },
  },
  {
    name: 'attribute',
    path: 'attributes.csv',
    schema: {
      primaryKey: 'id',
      fields: [
        {
          name: 'id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: true,
          },
        },
        {
          name: 'link_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'taxonomy_term_id',
          type: 'string',
          format: 'uuid',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'link_type',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
        {
          name: 'link_entity',
          type: 'string',
          constraints: {
            required: true,
            unique: false,
          },
        },
        {
          name: 'value',
          type: 'string',
          constraints: {
            required: false,
            unique: false,
          },
        },
      ],
      foreignKeys: [
        {
          fields: 'taxonomy_term_id',
          reference: {
            resource: 'taxonomy_term',
            fields: 'id',
          },
        },
      ],
    },
  },
] as const;
