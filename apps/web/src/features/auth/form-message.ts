/** The parts of a useSchemaForm the message depends on. */
interface MessageSource {
  message: string | null;
  send: { isError: boolean };
  methods: { formState: { errors: object } };
}

/**
 * The alert above a form: the server's (or the network's) message, or, when the form itself refused
 * the input, a pointer to the fields below that say why.
 */
export function formMessage(form: MessageSource, fixFields: string): string | null {
  const refusedHere = !form.send.isError && Object.keys(form.methods.formState.errors).length > 0;
  return refusedHere ? fixFields : form.message;
}
