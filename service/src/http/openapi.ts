import { webApiPaths, webApiSchemas } from './openapi-web.ts';

/** The public HTTP API, described by hand: small enough to keep exact, checked by a test against the routes. */
export function openApiDocument(version: string, serverUrl: string): Record<string, unknown> {
  const error = { $ref: '#/components/schemas/Error' };
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: error } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'AI Nutritionist',
      version,
      description: 'A nutrition coach people text: SMS and WhatsApp through Twilio, and a web chat.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      ...webApiPaths(errorResponse),
      '/health': {
        get: {
          summary: 'Liveness and the adapters in use',
          responses: {
            '200': {
              description: 'Service is up',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
            },
          },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics (operators only)',
          description:
            'Prometheus text format 0.0.4: http_requests_total{method,route,status} by route pattern, http_request_duration_seconds, language_cache_hits_total, language_cache_misses_total, language_cache_bypassed_total, language_cache_model_calls_saved_total, language_cache_tokens_saved_total, language_model_calls_total{provider,operation} and language_model_errors_total{provider,operation,kind}. Counters of this process since it started. Off (404) unless METRICS_TOKEN is set; then only with Authorization: Bearer <METRICS_TOKEN>.',
          security: [{ metricsToken: [] }],
          responses: {
            '200': {
              description: 'The metrics',
              content: { 'text/plain; version=0.0.4': { schema: { type: 'string' } } },
            },
            '401': errorResponse('Missing or wrong metrics token'),
            '404': errorResponse('Metrics are off (no METRICS_TOKEN)'),
          },
        },
      },
      '/webhooks/twilio': {
        post: {
          summary: 'Inbound SMS or WhatsApp message from Twilio',
          description:
            'Verified with X-Twilio-Signature over PUBLIC_BASE_URL + path and the form parameters. A retried MessageSid gets the first answer and is processed once.',
          parameters: [
            { name: 'X-Twilio-Signature', in: 'header', required: true, schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/TwilioInbound' } },
            },
          },
          responses: {
            '200': { description: 'TwiML reply', content: { 'text/xml': { schema: { type: 'string' } } } },
            '400': errorResponse('Malformed body'),
            '403': errorResponse('Missing or invalid signature'),
            '404': errorResponse('Twilio is not configured'),
            '409': errorResponse('The same MessageSid is still being processed'),
            '413': errorResponse('Body over 64 KiB'),
            '415': errorResponse('Not form-encoded'),
          },
        },
      },
      '/webhooks/stripe': {
        post: {
          summary: 'Stripe billing events (issue 8)',
          description:
            'The Stripe-Signature header is checked over the raw body with the official library, within STRIPE_WEBHOOK_TOLERANCE_SECONDS, before anything is parsed. Each event id is processed once; a redelivery gets the first answer. Handled: checkout.session.completed, customer.subscription.created|updated|deleted, invoice.paid, invoice.payment_failed (a polite SMS with a Customer Portal link); the subscription is read again from Stripe, so late or reordered events never restore an older state. Other types are acknowledged and ignored.',
          parameters: [
            { name: 'Stripe-Signature', in: 'header', required: true, schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { type: 'object', description: 'A Stripe Event object' } },
            },
          },
          responses: {
            '200': {
              description: 'Taken: applied, or acknowledged and ignored (with the reason)',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['received', 'outcome'],
                    properties: {
                      received: { type: 'boolean' },
                      outcome: { type: 'string', enum: ['applied', 'ignored'] },
                      reason: { type: 'string' },
                    },
                  },
                },
              },
            },
            '400': errorResponse(
              'Missing or invalid signature, outside the tolerance, or not a Stripe event',
            ),
            '404': errorResponse('Billing is not enabled on this server'),
            '409': errorResponse('The same event is still being processed'),
            '413': errorResponse('Body over 64 KiB'),
            '503': errorResponse('Stripe could not be reached to read the subscription; Stripe retries'),
          },
        },
      },
      '/webhooks/twilio/status': {
        post: {
          summary: 'Delivery status of a message we sent (Twilio statusCallback)',
          description:
            'Verified with X-Twilio-Signature like the inbound webhook. The status is kept per MessageSid and only moves forward (a late "sent" never replaces "delivered"); repeats change nothing. A failed or undelivered status is logged once as the JSON event twilio_delivery_failed with its ErrorCode.',
          parameters: [
            { name: 'X-Twilio-Signature', in: 'header', required: true, schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: { $ref: '#/components/schemas/TwilioStatusCallback' },
              },
            },
          },
          responses: {
            '204': { description: 'Taken (recorded, or a repeat / late arrival that changes nothing)' },
            '400': errorResponse('Malformed body'),
            '403': errorResponse('Missing or invalid signature'),
            '404': errorResponse('Twilio is not configured'),
            '413': errorResponse('Body over 64 KiB'),
            '415': errorResponse('Not form-encoded'),
          },
        },
      },
      '/api/chat': {
        post: {
          summary: 'Send a web-chat message',
          description: 'An httpOnly, SameSite=Strict session cookie identifies the anonymous web user.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ChatRequest' } } },
          },
          responses: {
            '200': {
              description: 'The coach replies',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ChatResponse' } } },
            },
            '400': errorResponse('Invalid JSON or text'),
            '413': errorResponse('Body over 64 KiB'),
            '415': errorResponse('Not JSON'),
          },
        },
      },
      '/m/{id}': {
        get: {
          summary: 'The full text of a long reply that was shortened for SMS',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'HTML page' }, '404': { description: 'Unknown or expired' } },
        },
      },
      '/p/{token}': {
        get: {
          summary: 'The full week of a plan (a bearer link, valid 14 days)',
          parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'HTML page' }, '404': { description: 'Unknown or expired' } },
        },
      },
      '/export/{token}': {
        get: {
          summary: 'Everything stored about a user, as a JSON file (GDPR Art. 15 and 20)',
          description:
            'A bearer link sent in reply to "export my data": valid 24 hours and for one download. Never cached.',
          parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The export, sent as an attachment (content-disposition)',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/UserExport' } } },
            },
            '404': errorResponse('Unknown or expired link, or the user was erased'),
            '410': errorResponse('The link was used already'),
          },
        },
      },
      '/api/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
      },
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'nutritionist_auth' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN' },
      },
      schemas: {
        ...webApiSchemas,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        Health: {
          type: 'object',
          required: ['status', 'version', 'adapters'],
          properties: {
            status: { const: 'ok' },
            version: { type: 'string' },
            adapters: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        TwilioInbound: {
          type: 'object',
          required: ['MessageSid', 'From'],
          properties: {
            MessageSid: { type: 'string', pattern: '^(SM|MM)[0-9a-fA-F]{32}$' },
            From: { type: 'string', description: 'E.164 number, or whatsapp:+E.164' },
            Body: { type: 'string', maxLength: 1600 },
            NumMedia: { type: 'integer', minimum: 0 },
          },
        },
        TwilioStatusCallback: {
          type: 'object',
          required: ['MessageSid', 'MessageStatus'],
          properties: {
            MessageSid: { type: 'string', pattern: '^(SM|MM)[0-9a-fA-F]{32}$' },
            MessageStatus: {
              type: 'string',
              enum: [
                'accepted',
                'scheduled',
                'queued',
                'sending',
                'sent',
                'delivered',
                'undelivered',
                'failed',
                'canceled',
                'partially_delivered',
                'read',
              ],
            },
            ErrorCode: {
              type: 'string',
              pattern: '^[0-9]{1,6}$',
              description: 'Twilio error code, on failure',
            },
          },
        },
        UserExport: {
          type: 'object',
          description:
            'Whole stored records: new fields of a profile or a plan appear here as they are added.',
          required: [
            'format',
            'exportedAt',
            'user',
            'conversationState',
            'consent',
            'messages',
            'plans',
            'foodLog',
            'household',
            'weeklyDelivery',
            'outboundMessages',
          ],
          properties: {
            format: { const: 'ai-nutritionist-export/1' },
            exportedAt: { type: 'string', format: 'date-time' },
            user: { type: 'object', description: 'Identity, locale, last channel and the whole profile' },
            conversationState: { description: 'Where the conversation stands (the last question asked)' },
            consent: {
              type: 'array',
              items: { type: 'object' },
              description: 'Consent history, oldest first',
            },
            messages: {
              type: 'array',
              items: { type: 'object' },
              description: 'Kept messages, oldest first',
            },
            plans: {
              type: 'array',
              items: { type: 'object' },
              description: 'Weekly plans with their requests',
            },
            foodLog: { type: 'array', items: { type: 'object' }, description: 'Everything logged, by day' },
            household: {
              type: 'object',
              description: 'Household invitations the user sent and received that are pending or joined',
            },
            weeklyDelivery: { description: 'The weekly plan subscription, or null' },
            outboundMessages: {
              type: 'object',
              description:
                'Keys of messages sent to the user (sending, sent with its MessageSid, or failed) and their latest delivery statuses; no bodies',
            },
          },
        },
        ChatRequest: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: { text: { type: 'string', minLength: 1, maxLength: 1000 } },
        },
        ChatResponse: {
          type: 'object',
          required: ['replies'],
          properties: { replies: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  };
}
