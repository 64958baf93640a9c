/**
 * Registered Chinese names of Chinese companies on the US lists (DoD 1260H, OFAC NS-CMIC and
 * SDN, FCC Covered List, BIS lists). The lists print English names only; a Chinese query
 * (华为技术有限公司) can only be matched through the name the company is registered under.
 *
 * Why this table is written by hand: the only bilingual list data at hand (the OpenSanctions
 * transcription of the PRC counter-sanctions lists) is CC BY-NC 4.0 and is not shipped; its
 * Chinese names still reach the matcher at run time, as aliases of the entries the user imports.
 * The rows below come from the maintainers' knowledge of each company's registration.
 *
 * Citation: the registered name (企业名称) as published by the State Administration for Market
 * Regulation's National Enterprise Credit Information Publicity System (gsxt.gov.cn); for
 * companies listed on an exchange, the name on the exchange's listing record (code given).
 * Confidence 'memory': entered from knowledge and not yet checked against the registry in this
 * repository; check the registry before relying on a row as evidence.
 */
import type { Confidence } from '../../engine/params.js';

export interface RegisteredName {
  /** The company's name as one of the lists prints it. */
  readonly listedName: string;
  /** Other spellings the lists use for the same company. */
  readonly otherListedNames?: readonly string[];
  /** The registered name, simplified characters. */
  readonly registeredName: string;
  /** Where the registered name is published (registry, and exchange listing when listed). */
  readonly citation: string;
  readonly confidence: Confidence;
}

const REGISTRY = 'SAMR enterprise registry (gsxt.gov.cn)';

function row(listedName: string, registeredName: string, listing?: string, otherListedNames?: readonly string[]): RegisteredName {
  return {
    listedName,
    registeredName,
    citation: listing ? `${REGISTRY}; ${listing} listing record` : REGISTRY,
    confidence: 'memory',
    ...(otherListedNames ? { otherListedNames } : {}),
  };
}

export const REGISTERED_NAMES: readonly RegisteredName[] = [
  // --- telecommunications and video surveillance (FCC Covered List, 1260H, NS-CMIC)
  row('Huawei Technologies Co., Ltd.', '华为技术有限公司', undefined, ['Huawei Technologies Company']),
  row('Huawei Investment & Holding Co., Ltd.', '华为投资控股有限公司'),
  row('ZTE Corporation', '中兴通讯股份有限公司', 'SZSE 000063'),
  row('Hytera Communications Corporation', '海能达通信股份有限公司', 'SZSE 002583', ['Hytera Communications Corporation Limited']),
  row('Hangzhou Hikvision Digital Technology Co., Ltd.', '杭州海康威视数字技术股份有限公司', 'SZSE 002415', ['Hangzhou Hikvision Digital Technology Company']),
  row('Zhejiang Dahua Technology Co., Ltd.', '浙江大华技术股份有限公司', 'SZSE 002236', ['Dahua Technology Company']),
  row('China Mobile Communications Group Co., Ltd.', '中国移动通信集团有限公司'),
  row('China Mobile Limited', '中国移动有限公司', 'HKEX 0941'),
  row('China Telecom Group Co., Ltd.', '中国电信集团有限公司', undefined, ['China Telecommunications Corporation']),
  row('China Telecom Corporation Limited', '中国电信股份有限公司', 'HKEX 0728 / SSE 601728'),
  row('China United Network Communications Group Co., Ltd.', '中国联合网络通信集团有限公司'),
  row('China United Network Communications Co., Ltd.', '中国联合网络通信股份有限公司', 'SSE 600050'),
  row('China Unicom (Hong Kong) Limited', '中国联合网络通信（香港）股份有限公司', 'HKEX 0762'),
  row('China Satellite Communications Co., Ltd.', '中国卫通集团股份有限公司', 'SSE 601698'),
  row('TP-Link Technologies Co., Ltd.', '普联技术有限公司'),
  row('Quectel Wireless Solutions Co., Ltd.', '上海移远通信技术股份有限公司', 'SSE 603236'),
  row('Zhongji Innolight Co., Ltd.', '中际旭创股份有限公司', 'SZSE 300308'),
  row('Global Tone Communication Technology Co., Ltd.', '中译语通科技股份有限公司'),
  // --- semiconductors and electronics
  row('Semiconductor Manufacturing International Corporation', '中芯国际集成电路制造有限公司', 'HKEX 0981 / SSE 688981'),
  row('Semiconductor Manufacturing International (Beijing) Corporation', '中芯国际集成电路制造（北京）有限公司'),
  row('Semiconductor Manufacturing International (Shenzhen) Corporation', '中芯国际集成电路制造（深圳）有限公司'),
  row('Semiconductor Manufacturing International (Tianjin) Corporation', '中芯国际集成电路制造（天津）有限公司'),
  row('SMIC Semiconductor Manufacturing (Shanghai) Co., Ltd', '中芯国际集成电路制造（上海）有限公司'),
  row('Semiconductor Manufacturing North China (Beijing) Corporation', '中芯北方集成电路制造（北京）有限公司'),
  row('Semiconductor Manufacturing South China Corporation', '中芯南方集成电路制造有限公司'),
  row('Yangtze Memory Technologies Co., Ltd.', '长江存储科技有限责任公司'),
  row('ChangXin Memory Technologies, Inc.', '长鑫存储技术有限公司'),
  row('Advanced Micro-Fabrication Equipment Inc. China', '中微半导体设备（上海）股份有限公司', 'SSE 688012'),
  row('BOE Technology Group Company Limited', '京东方科技集团股份有限公司', 'SZSE 000725'),
  row('Tianma Microelectronics Co., Ltd.', '天马微电子股份有限公司', 'SZSE 000050'),
  row('Changsha Jingjia Microelectronics Company Limited', '长沙景嘉微电子股份有限公司', 'SZSE 300474'),
  row('Fujian Torch Electron Technology Co., Ltd.', '福建火炬电子科技股份有限公司', 'SSE 603678'),
  row('Dawning Information Industry Co., Ltd.', '曙光信息产业股份有限公司', 'SSE 603019'),
  row('Inspur Group Co., Ltd.', '浪潮集团有限公司'),
  row('Taiji Computer Co., Ltd.', '太极计算机股份有限公司', 'SZSE 002368'),
  row('Panda Electronics Group Co., Ltd.', '熊猫电子集团有限公司'),
  row('Nanjing Panda Electronics Company Limited', '南京熊猫电子股份有限公司'),
  row('China Electronics Corporation', '中国电子信息产业集团有限公司'),
  row('China Electronics Technology Group Corporation', '中国电子科技集团有限公司'),
  row('CETC Cyberspace Security Technology Co., Ltd.', '中电科网络安全科技股份有限公司', 'SZSE 002268'),
  row('CETC Digital Technology Co., Ltd.', '中电科数字技术股份有限公司', 'SSE 600850'),
  row('CETC Potevio Science & Technology Co., Ltd', '中电科普天科技股份有限公司', 'SZSE 002544'),
  row('Guangzhou GCI Science & Technology Co., Ltd.', '广州杰赛科技股份有限公司', 'SZSE 002544 (former name)'),
  row('GLARUN Technology Co., Ltd.', '国睿科技股份有限公司', 'SSE 600562'),
  row('Anhui Sun Create Electronics Co., Ltd.', '安徽四创电子股份有限公司', 'SSE 600990'),
  // --- surveillance, AI, security software
  row('Beijing Megvii Technology Co., Ltd.', '北京旷视科技有限公司'),
  row('SenseTime Group, Inc.', '商汤集团股份有限公司', 'HKEX 0020', ['SenseTime Group Limited']),
  row('CloudWalk Technology Co., Ltd.', '云从科技集团股份有限公司', 'SSE 688327'),
  row('Shanghai Yitu Network Technology Co., Ltd.', '上海依图网络科技有限公司'),
  row('NetPosa Technologies, Ltd.', '东方网力科技股份有限公司', 'SZSE 300367', ['NetPosa Technologies Limited']),
  row('Xiamen Meiya Pico Information Co., Ltd.', '厦门市美亚柏科信息股份有限公司', 'SZSE 300188'),
  row('360 Security Technology Inc.', '三六零安全科技股份有限公司', 'SSE 601360'),
  row('Beijing Zhidao Chuangyu Information Technology Co., Ltd.', '北京知道创宇信息技术股份有限公司'),
  row('Iflytek Co., Ltd.', '科大讯飞股份有限公司', 'SZSE 002230'),
  // --- drones, robotics, lidar, vehicles, batteries
  row('Shenzhen DJI Innovation Technology Co., Ltd.', '深圳市大疆创新科技有限公司', undefined, ['Shenzhen DJI Technology Co., Ltd.', 'SZ DJI Technology Co., Ltd.']),
  row('Autel Robotics Co., Ltd.', '深圳市道通智能航空技术股份有限公司'),
  row('Autel Intelligent Technology Corp., Ltd.', '深圳市道通科技股份有限公司', 'SSE 688208'),
  row('Hangzhou Yushu Technology Co., Ltd.', '杭州宇树科技股份有限公司'),
  row('Hesai Technology Co., Ltd.', '上海禾赛科技有限公司'),
  row('Robosense Technology Co., Ltd.', '速腾聚创科技有限公司', 'HKEX 2498'),
  row('Chengdu JOUAV Automation Tech Co., Ltd.', '成都纵横自动化技术股份有限公司', 'SSE 688070'),
  row('Aerospace CH UAV Co., Ltd', '航天彩虹无人机股份有限公司', 'SZSE 002389'),
  row('Contemporary Amperex Technology Co., Ltd.', '宁德时代新能源科技股份有限公司', 'SZSE 300750'),
  row('BYD Company Limited', '比亚迪股份有限公司', 'SZSE 002594 / HKEX 1211'),
  row('CALB Group Co., Ltd.', '中创新航科技集团股份有限公司', 'HKEX 3931'),
  row('EVE Energy Co., Ltd.', '惠州亿纬锂能股份有限公司', 'SZSE 300014'),
  row('JA Solar Technology Co., Ltd.', '晶澳太阳能科技股份有限公司', 'SZSE 002459'),
  row('Trina Solar Co., Ltd.', '天合光能股份有限公司', 'SSE 688599'),
  row('NIO, Inc.', '蔚来集团'),
  // --- internet and cloud
  row('Tencent Holdings Limited', '腾讯控股有限公司', 'HKEX 0700'),
  row('Alibaba Group Holding Limited', '阿里巴巴集团控股有限公司', 'HKEX 9988'),
  row('Baidu, Inc.', '百度集团股份有限公司', 'HKEX 9888'),
  // --- biotech
  row('BGI Genomics Co., Ltd.', '深圳华大基因股份有限公司', 'SZSE 300676'),
  row('MGI Tech Co., Ltd.', '深圳华大智造科技股份有限公司', 'SSE 688114'),
  row('Novogene Company Limited', '北京诺禾致源科技股份有限公司', 'SSE 688315'),
  row('WuXi AppTec Co., Ltd.', '无锡药明康德新药开发股份有限公司', 'SSE 603259'),
  // --- aviation and aerospace
  row('Aviation Industry Corporation of China Ltd.', '中国航空工业集团有限公司'),
  row('AVIC Aviation High-Technology Company Limited', '中航航空高科技股份有限公司', 'SSE 600862'),
  row('AVIC Heavy Machinery Company Limited', '中航重机股份有限公司', 'SSE 600765'),
  row('AVIC Jonhon Optronic Technology Co., Ltd.', '中航光电科技股份有限公司', 'SZSE 002179'),
  row('AVIC Shenyang Aircraft Company Limited', '中航沈飞股份有限公司', 'SSE 600760'),
  row('AVIC Xi\'an Aircraft Industry Group Company Ltd.', '中航西安飞机工业集团股份有限公司', 'SZSE 000768'),
  row('AVIC Airborne Systems Co., Ltd.', '中航机载系统股份有限公司', 'SSE 600372', ['China Avionics Systems Company Limited']),
  row('Jiangxi Hongdu Aviation Industry Co., Ltd.', '江西洪都航空工业股份有限公司', 'SSE 600316'),
  row('Zhonghang Electronic Measuring Instruments Company Limited', '中航电测仪器股份有限公司', 'SZSE 300114'),
  row('Xi\'an Aircraft Industry Group Co., Ltd.', '西安飞机工业（集团）有限责任公司'),
  row('Changhe Aircraft Industries (Group) Co., Ltd.', '昌河飞机工业（集团）有限责任公司'),
  row('Aero Engine Corporation of China', '中国航空发动机集团有限公司'),
  row('Commercial Aircraft Corporation of China Limited', '中国商用飞机有限责任公司'),
  row('Shanghai Aircraft Manufacturing Co., Ltd.', '上海飞机制造有限公司'),
  row('Shanghai Aircraft Design and Research Institute', '上海飞机设计研究院'),
  row('China Cargo Airlines Co., Ltd.', '中国货运航空有限公司'),
  row('China Aerospace Science and Industry Corporation Limited', '中国航天科工集团有限公司'),
  row('China Aerospace Science and Technology Corporation', '中国航天科技集团有限公司'),
  row('China Academy of Launch Vehicle Technology', '中国运载火箭技术研究院'),
  row('China Aerospace Times Electronics Co., Ltd', '航天时代电子技术股份有限公司', 'SSE 600879'),
  row('Aerospace Communications Holdings Group Company Limited', '航天通信控股集团股份有限公司', 'SSE 600677'),
  row('Aerosun Corporation', '航天晨光股份有限公司', 'SSE 600501'),
  row('Aisino Corporation', '航天信息股份有限公司', 'SSE 600271'),
  row('China SpaceSat Co., Ltd.', '中国东方红卫星股份有限公司', 'SSE 600118'),
  row('Guizhou Space Appliance Co., Ltd', '贵州航天电器股份有限公司', 'SZSE 002025'),
  row('Shaanxi Zhongtian Rocket Technology Company Limited', '陕西中天火箭技术股份有限公司', 'SZSE 003009'),
  // --- defence industry groups
  row('China North Industries Group Corporation Limited', '中国兵器工业集团有限公司'),
  row('China North Industries Corporation', '中国北方工业有限公司', undefined, ['NORINCO']),
  row('China South Industries Group Corporation', '中国兵器装备集团有限公司'),
  row('Chinese Academy of Ordnance Science', '中国兵器科学研究院'),
  row('North Navigation Control Technology Co., Ltd.', '北方导航控制技术股份有限公司', 'SSE 600435'),
  row('Anhui Greatwall Military Industry Company Limited', '安徽长城军工股份有限公司', 'SSE 601606'),
  row('Heilongjiang Northern Tools Co., Ltd.', '黑龙江北方工具有限公司'),
  row('Costar Group Co., Ltd.', '中光学集团股份有限公司', 'SZSE 002189'),
  row('Phoenix Optics Company Limited', '凤凰光学股份有限公司', 'SSE 600071', ['Phenix Optical Company Limited']),
  row('China State Shipbuilding Corporation Limited', '中国船舶集团有限公司'),
  row('China Shipbuilding Industry Company Limited', '中国船舶重工股份有限公司', 'SSE 601989'),
  row('CSSC Offshore & Marine Engineering (Group) Company Limited', '中船海洋与防务装备股份有限公司', 'SSE 600685'),
  row('Guangzhou Wenchong Shipyard Co., Ltd.', '广州文冲船厂有限责任公司'),
  row('China Shipbuilding Trading Co., Ltd.', '中国船舶工业贸易有限公司'),
  row('China National Nuclear Corporation', '中国核工业集团有限公司'),
  row('China Nuclear Engineering Corporation Limited', '中国核工业建设股份有限公司', 'SSE 601611'),
  row('China General Nuclear Power Corporation', '中国广核集团有限公司'),
  row('China National Precision Machinery Import/Export Corporation', '中国精密机械进出口总公司'),
  row('China National Electronics Import & Export Corporation', '中国电子进出口有限公司', undefined, ['CEIEC']),
  row('China Great Wall Industry Corporation', '中国长城工业集团有限公司'),
  row('Zhuhai Zhenrong Company Limited', '珠海振戎公司', undefined, ['Zhuhai Zhenrong Company']),
  // --- construction, energy, shipping, rail
  row('China Communications Construction Group Limited', '中国交通建设集团有限公司', undefined, ['China Communications Construction Group (Limited)']),
  row('China Communications Construction Company Limited', '中国交通建设股份有限公司', 'SSE 601800 / HKEX 1800'),
  row('China Railway Construction Corporation Limited', '中国铁建股份有限公司', 'SSE 601186'),
  row('China State Construction Engineering Corporation Limited', '中国建筑股份有限公司', 'SSE 601668'),
  row('China State Construction Group Co.', '中国建筑集团有限公司'),
  row('China Airport Construction Group Corporation', '中国民航机场建设集团有限公司'),
  row('China International Engineering Consulting Corporation', '中国国际工程咨询有限公司'),
  row('China National Chemical Corporation Ltd.', '中国化工集团有限公司'),
  row('China National Chemical Engineering Group Corporation', '中国化学工程集团有限公司'),
  row('China National Offshore Oil Corporation', '中国海洋石油集团有限公司'),
  row('CNOOC Limited', '中国海洋石油有限公司', 'HKEX 0883 / SSE 600938'),
  row('China Three Gorges Corporation', '中国长江三峡集团有限公司'),
  row('CRRC Corporation Limited', '中国中车股份有限公司', 'SSE 601766'),
  row('China COSCO SHIPPING Corporation Limited', '中国远洋海运集团有限公司'),
  row('China Ocean Shipping Company Ltd.', '中国远洋运输有限公司'),
  row('China International Marine Containers (Group) Co., Ltd.', '中国国际海运集装箱（集团）股份有限公司', 'SZSE 000039'),
  row('Sinotrans & CSC Holdings Co., Ltd.', '中国外运长航集团有限公司'),
];
