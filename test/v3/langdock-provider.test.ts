import { createLangdock } from '../../src/v3/index';
import { describeProviderContract } from '../helpers/provider-contract';

describeProviderContract('v3', createLangdock);
