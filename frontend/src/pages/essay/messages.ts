// Registers the essay pages' messages when one of their chunks loads.
import { addMessages } from '../../lib/i18n';
import { essayEn } from '../../lib/messages/essay.en';
import { essayVi } from '../../lib/messages/essay.vi';
import { essayDeskEn } from '../../lib/messages/essayDesk.en';
import { essayDeskVi } from '../../lib/messages/essayDesk.vi';

addMessages({ vi: essayVi, en: essayEn });
addMessages({ vi: essayDeskVi, en: essayDeskEn });
