/** The decode → values → compile round trip over the Windows 10 1903 in-box store (see test/helpers/corpus-suite.ts). */
import {
  AMBIGUOUS_IN_BOTH,
  NOT_ITSELF_WITH_OPTIONS_IN_BOTH,
  UNSTORABLE_IN_BOTH,
} from "../helpers/corpus-shared.js";
import { corpusRoundTripSuite } from "../helpers/corpus-suite.js";

corpusRoundTripSuite("windows10-1903", {
  ambiguous: AMBIGUOUS_IN_BOTH,
  unstorable: UNSTORABLE_IN_BOTH,
  notItselfWithOptions: NOT_ITSELF_WITH_OPTIONS_IN_BOTH,
});
