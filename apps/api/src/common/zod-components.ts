import { OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/**
 * Every zod schema given an `id` (the campaign file and its parts, the request bodies checked by
 * ZodBodyPipe), added to the OpenAPI document as a component of that name, so that a route can
 * reference it (`getSchemaPath(id)`) and the document shows the shape the API checks.
 */
export function addZodComponents(document: OpenAPIObject): OpenAPIObject {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'openapi-3.0',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // The openapi-3.0 target writes OpenAPI 3.0 schema objects; only the two libraries' types
  // differ. `$id` is JSON Schema's, which OpenAPI 3.0 does not know: the component's name says it.
  const components = Object.fromEntries(
    Object.entries(schemas).map(([id, { $id: _id, ...schema }]) => [
      id,
      schema as unknown as SchemaObject,
    ]),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...components },
  };
  return document;
}
