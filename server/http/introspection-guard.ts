import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit } from 'graphql';
import type { Context } from '../context';
import { refuseRequest, UnauthenticatedError } from '../errors';

/** Introspection is for signed-in users (analysts need it), not for anonymous callers. */
export const introspectionGuard: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, contextValue }) {
        if (contextValue.access.viewer) {
          return;
        }
        let introspects = false;
        visit(document, {
          [Kind.FIELD](node) {
            if (node.name.value === '__schema' || node.name.value === '__type') {
              introspects = true;
            }
          },
        });
        if (introspects) {
          throw refuseRequest(new UnauthenticatedError('Sign in to read the schema'));
        }
      },
    };
  },
};
