// Registers the organizer pages' messages when their chunk loads.
import { addMessages } from '../../lib/i18n';
import { orgEn } from '../../lib/messages/org.en';
import { orgVi } from '../../lib/messages/org.vi';
import { essayDeskEn } from '../../lib/messages/essayDesk.en';
import { essayDeskVi } from '../../lib/messages/essayDesk.vi';

addMessages({ vi: orgVi, en: orgEn });
addMessages({ vi: essayDeskVi, en: essayDeskEn });
