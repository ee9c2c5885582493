// Registers the organizer pages' messages when their chunk loads.
import { addMessages } from '../../lib/i18n';
import { orgEn } from '../../lib/messages/org.en';
import { orgVi } from '../../lib/messages/org.vi';

addMessages({ vi: orgVi, en: orgEn });
